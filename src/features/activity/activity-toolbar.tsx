// The Activity view's filters: token (ID or description words), action, actor words, and how far back.
import { AUDIT_ACTIONS, type AuditAction } from '../../../core/governance';
import { SelectField } from '../../components/ui/select-field';
import { SINCE_CHOICES, type ActivityFilters, type SinceChoice } from './model/activity-filters';
import { actionText } from '../../lib/audit-text';

interface ActivityToolbarProps {
  filters: ActivityFilters;
  onChange: (change: Partial<ActivityFilters>) => void;
}

export function ActivityToolbar({ filters, onChange }: ActivityToolbarProps) {
  return (
    <div className="activity-toolbar" role="search" aria-label="Filter activity">
      <TextField
        label="Token"
        placeholder="ID or description"
        value={filters.token}
        onChange={(token) => onChange({ token })}
      />
      <SelectField
        label="Action"
        className="activity-toolbar__field"
        value={filters.action}
        onChange={(action) => onChange({ action: action as AuditAction | '' })}
      >
        <option value="">Any action</option>
        {AUDIT_ACTIONS.map((action) => (
          <option key={action} value={action}>
            {actionText(action)}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Actor"
        placeholder="Person, user or token"
        value={filters.actor}
        onChange={(actor) => onChange({ actor })}
      />
      <SelectField
        label="Time"
        className="activity-toolbar__field"
        value={filters.since}
        onChange={(since) => onChange({ since: since as SinceChoice | '' })}
      >
        <option value="">Any time</option>
        {SINCE_CHOICES.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </SelectField>
    </div>
  );
}

interface TextFieldProps {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
}

function TextField({ label, placeholder, value, onChange }: TextFieldProps) {
  const id = `activity-filter-${label.toLowerCase()}`;
  return (
    <div className="activity-toolbar__field activity-toolbar__field--text">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type="search"
        className="input"
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
