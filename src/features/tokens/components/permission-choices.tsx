// Read/Write checkboxes for one group of resources (buckets, or resource types), as a table the
// Custom dialog shows twice. Each checkbox is named "Read <target>" / "Write <target>".
import { useId } from 'react';
import type { PermissionAction } from '../../../lib/influx-types';

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
  onChange: (key: string, action: PermissionAction, checked: boolean) => void;
}

const ACTIONS: PermissionAction[] = ['read', 'write'];

export function PermissionChoices({ caption, heading, rows, onChange }: PermissionChoicesProps) {
  const id = useId();
  return (
    <table className="choices" aria-labelledby={`${id}-caption`}>
      <caption id={`${id}-caption`} className="choices__caption">
        {caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col" className="choices__action">
            Read
          </th>
          <th scope="col" className="choices__action">
            Write
          </th>
        </tr>
      </thead>
      <tbody>
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
                    onChange={(e) => onChange(row.key, action, e.target.checked)}
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
