// Read/Write checkboxes for one group of resources (buckets, or resource types), as a table the
// Custom dialog shows twice. Each checkbox is named "Read <target>" / "Write <target>".
import { useId } from 'react';
import type { PermissionAction } from '../../../../core/influx-types';

type Actions = Partial<Record<PermissionAction, boolean>>;

export interface ChoiceRow {
  key: string;
  /** What the row grants access to, e.g. "all buckets", "bucket telegraf", "dashboards". */
  target: string;
  /** Shown in the first column; `target` when absent. */
  label?: string;
  hint?: string;
  chosen?: Actions;
  /** Covered by a broader choice ("all buckets"): shown checked and disabled. */
  covered?: Actions;
}

interface PermissionChoicesProps {
  caption: string;
  /** First column heading, e.g. "Bucket" or "Resource". */
  heading: string;
  rows: ChoiceRow[];
  /** One row's checkbox, or a column's "select all" over several rows. */
  onChange: (keys: string[], action: PermissionAction, checked: boolean) => void;
  /** Per column, a "select all" over the rows not covered (nor `except`), named e.g. "Read every bucket shown". */
  selectAll?: { noun: string; except?: string };
  /** Shown in place of the rows when there are none (e.g. nothing matches the filter). */
  empty?: string;
  /** The group's list could not be loaded: said below its rows (instead of `empty`), with Retry. */
  failure?: { text: string; retrying: boolean; onRetry: () => void };
}

const TITLE = { read: 'Read', write: 'Write' };
const ACTIONS: PermissionAction[] = ['read', 'write'];

export function PermissionChoices({
  caption,
  heading,
  rows,
  onChange,
  selectAll,
  empty,
  failure,
}: PermissionChoicesProps) {
  const id = useId();
  function columnHead(action: PermissionAction) {
    const over = rows.filter((row) => row.key !== selectAll?.except && !row.covered?.[action]);
    if (!selectAll || over.length === 0) return TITLE[action];
    const checked = over.filter((row) => row.chosen?.[action]).length;
    const keys = over.map((row) => row.key);
    const name = `${TITLE[action]} every ${selectAll.noun}`;
    return (
      <label className="choices__all" title={name}>
        <input
          type="checkbox"
          className="checkbox"
          aria-label={name}
          checked={checked === over.length}
          ref={(box) => {
            if (box) box.indeterminate = checked > 0 && checked < over.length;
          }}
          onChange={(e) => onChange(keys, action, e.target.checked)}
        />
        <span aria-hidden="true">{TITLE[action]}</span>
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
          {ACTIONS.map((action) => (
            <th key={action} scope="col" className="choices__action">
              {columnHead(action)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && empty && !failure && (
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
              const name = `${TITLE[action]} ${row.target}`;
              return (
                <td key={action} className="choices__action">
                  <input
                    type="checkbox"
                    className="checkbox"
                    aria-label={name}
                    title={covered ? `${name}: included in all buckets` : name}
                    checked={covered || !!row.chosen?.[action]}
                    disabled={covered}
                    onChange={(e) => onChange([row.key], action, e.target.checked)}
                  />
                </td>
              );
            })}
          </tr>
        ))}
        {failure && (
          <tr>
            <td colSpan={3}>
              <div className="choices__failure" role="alert">
                <p>{failure.text}</p>
                <button type="button" className="btn btn--small" disabled={failure.retrying} onClick={failure.onRetry}>
                  {failure.retrying ? 'Retrying…' : 'Retry'}
                </button>
              </div>
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
