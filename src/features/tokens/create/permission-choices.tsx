// Read/Write checkboxes for one group of resources (buckets, or resource types), as a table the
// Custom dialog shows twice. Each checkbox is named "Read <target>" / "Write <target>".
import { useId } from 'react';
import type { PermissionAction } from '../../../../core/influx-types';

export interface ChoiceRow {
  key: string;
  /** What the row grants access to, e.g. "all buckets", "bucket telegraf", "dashboards". */
  target: string;
  /** Shown in the first column; `target` when absent. */
  label?: string;
  hint?: string;
  read: boolean;
  write: boolean;
  /** Covered by a broader choice ("all buckets"): shown checked and disabled. */
  covered?: Partial<Record<PermissionAction, boolean>>;
}

interface PermissionChoicesProps {
  caption: string;
  /** First column heading, e.g. "Bucket" or "Resource". */
  heading: string;
  rows: ChoiceRow[];
  /** One row's checkbox, or a column's "select all" over several rows. */
  onChange: (keys: string[], action: PermissionAction, checked: boolean) => void;
  /**
   * A "select all" checkbox per column over these rows (those shown, not covered by a broader choice), named
   * "Read every <noun>" / "Write every <noun>" (e.g. "Read every bucket shown").
   */
  selectAll?: { keys: string[]; noun: string };
  /** Shown in place of the rows when there are none (e.g. nothing matches the filter). */
  empty?: string;
}

const ACTIONS: PermissionAction[] = ['read', 'write'];

export function PermissionChoices({ caption, heading, rows, onChange, selectAll, empty }: PermissionChoicesProps) {
  const id = useId();
  const byKey = new Map(rows.map((row) => [row.key, row]));
  function columnHead(action: PermissionAction) {
    const title = action === 'read' ? 'Read' : 'Write';
    const keys = (selectAll?.keys ?? []).filter((key) => byKey.has(key) && !byKey.get(key)?.covered?.[action]);
    if (!selectAll || keys.length === 0) return title;
    const checked = keys.filter((key) => byKey.get(key)?.[action]).length;
    const name = `${title} every ${selectAll.noun}`;
    return (
      <label className="choices__all" title={name}>
        <input
          type="checkbox"
          className="checkbox"
          aria-label={name}
          checked={checked === keys.length}
          ref={(box) => {
            if (box) box.indeterminate = checked > 0 && checked < keys.length;
          }}
          onChange={(e) => onChange(keys, action, e.target.checked)}
        />
        <span aria-hidden="true">{title}</span>
      </label>
    );
  }
  return (
    <table className="choices" aria-labelledby={`${id}-caption`}>
      <caption id={`${id}-caption`} className="choices__caption">
        {caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col" className="choices__action">
            {columnHead('read')}
          </th>
          <th scope="col" className="choices__action">
            {columnHead('write')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && empty && (
          <tr>
            <td colSpan={3} className="choices__empty">
              {empty}
            </td>
          </tr>
        )}
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row" className="choices__target">
              {row.label ?? row.target}
              {row.hint && <span className="choices__hint">{row.hint}</span>}
            </th>
            {ACTIONS.map((action) => {
              const covered = row.covered?.[action] ?? false;
              const name = `${action === 'read' ? 'Read' : 'Write'} ${row.target}`;
              return (
                <td key={action} className="choices__action">
                  <input
                    type="checkbox"
                    className="checkbox"
                    aria-label={name}
                    title={covered ? `${name}: included in all buckets` : name}
                    checked={covered || row[action]}
                    disabled={covered}
                    onChange={(e) => onChange([row.key], action, e.target.checked)}
                  />
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
