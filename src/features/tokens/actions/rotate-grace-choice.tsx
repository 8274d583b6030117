// Rotate's question "when does the old token stop working?": Now, in 1 hour, 24 hours, 7 days, or at a chosen time;
// then, optionally, when this console deletes it. Where this console cannot schedule a deactivation (no server-held
// token), only Now is offered, and why is said.
import { useId } from 'react';
import { SelectField } from '../../../components/ui/select-field';
import { ExpiryDateField } from '../create/expiry-choice';
import {
  DELETION_CHOICES,
  type DeletionChoice,
  type GraceChoice,
  type GraceDraft,
  type GracePreset,
} from './rotate-grace';
import '../create/expiry-choice.css';

interface RotateGraceChoiceProps {
  /** The old token's label, in the legend. */
  label: string;
  draft: GraceDraft;
  onChange: (draft: GraceDraft) => void;
  /** The later presets the policy allows. */
  presets: readonly GracePreset[];
  /** Why only Now can be offered (expiry unavailable here, or not known yet); undefined when later times work. */
  onlyNow?: string;
  error?: string | null;
  disabled?: boolean;
}

export function RotateGraceChoice({
  label,
  draft,
  onChange,
  presets,
  onlyNow,
  error,
  disabled = false,
}: RotateGraceChoiceProps) {
  const id = useId();
  if (onlyNow !== undefined)
    return (
      <p className="field-help" id={`${id}-only-now`}>
        “{label}” stops working when you say the new token is in place. A later time is not offered: {onlyNow}
      </p>
    );
  const option = (choice: GraceChoice, text: string) => (
    <label className="expiry-choice__option" key={choice}>
      <input
        type="radio"
        name={`${id}-grace`}
        checked={draft.choice === choice}
        onChange={() => onChange({ ...draft, choice })}
      />
      {text}
    </label>
  );
  return (
    <fieldset
      className="expiry-choice"
      disabled={disabled}
      aria-describedby={[`${id}-help`, error && `${id}-error`].filter(Boolean).join(' ')}
    >
      <legend className="field-label">When “{label}” stops working</legend>
      <p className="field-help expiry-choice__help" id={`${id}-help`}>
        Now: you deactivate it once the new token is in place. Later: it stays active until then, and this console
        deactivates it (InfluxDB itself does not enforce this; the console does, while it runs).
      </p>
      <div className="expiry-choice__options">
        {option('now', 'Now')}
        {presets.map((preset) => option(preset.choice, preset.label))}
        {option('date', 'At a chosen time')}
      </div>
      {draft.choice === 'date' && (
        <ExpiryDateField
          id={id}
          label="Stops at"
          value={draft.date}
          error={error}
          onChange={(date) => onChange({ ...draft, date })}
        />
      )}
      {error && (
        <p className="expiry-choice__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      <SelectField
        className="expiry-choice__date"
        label="Then delete the old token"
        value={draft.deletion}
        onChange={(deletion) => onChange({ ...draft, deletion: deletion as DeletionChoice })}
        help="Only if it is still inactive then: switching it back on cancels the deletion."
      >
        {DELETION_CHOICES.map(({ choice, label: text }) => (
          <option key={choice} value={choice}>
            {text}
          </option>
        ))}
      </SelectField>
    </fieldset>
  );
}
