import type { AuthorizationStatus } from '../../../../core/influx-types';

/** The status in words, coloured as a hint only. */
export function StatusBadge({ status }: { status: AuthorizationStatus }) {
  return <span className={`status-badge status-badge--${status}`}>{status === 'active' ? 'Active' : 'Inactive'}</span>;
}
