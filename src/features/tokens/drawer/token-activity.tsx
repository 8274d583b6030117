// The drawer's Activity tab: this token's trail, newest first: when, what (before → after), who and from where.
import { useQuery } from '@tanstack/react-query';
import type { AuditEntry } from '../../../../core/governance';
import type { Authorization } from '../../../../core/influx-types';
import { useSession } from '../../../lib/session/session-context';
import { useNow } from '../../../lib/use-now';
import { tokenActivityQuery } from '../api/governance-queries';
import { actionText, actorText, changeLines, viaText } from '../../../lib/audit-text';
import { formatDateTimeZone, formatRelative } from '../../../lib/format-time';
import { tokenLabel } from '../../../lib/token-label';
import './expiry-and-activity.css';

function ActivityEntry({ entry, now, current }: { entry: AuditEntry; now: number; current: string }) {
  const changes = changeLines(entry);
  return (
    <li className="activity__entry">
      <p className="activity__what">
        <strong>{actionText(entry.action, entry.via)}</strong>{' '}
        <time dateTime={entry.at} title={formatDateTimeZone(entry.at)} className="activity__when">
          {formatRelative(entry.at, now)}
        </time>
      </p>
      {changes.length > 0 && (
        <ul className="activity__changes">
          {changes.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {/* The description it had then, when it differs from today's. */}
      {entry.description !== current && entry.action !== 'rename' && (
        <p className="activity__meta">Then described as “{tokenLabel(entry.description)}”.</p>
      )}
      <p className="activity__meta">
        By {actorText(entry.actor)} · via {viaText(entry.via)}
      </p>
      {entry.note && <p className="activity__meta">{entry.note}</p>}
    </li>
  );
}

export function TokenActivity({ token }: { token: Authorization }) {
  const { client } = useSession();
  const now = useNow();
  const activity = useQuery(tokenActivityQuery(client, token.orgID, token.id));
  if (activity.isPending) return <p role="status">Loading activity…</p>;
  if (activity.isError) {
    return (
      <div role="alert" className="callout callout--error">
        <p>Could not load this token’s activity: {activity.error.message}</p>
        <button type="button" className="btn btn--small" onClick={() => void activity.refetch()}>
          Retry
        </button>
      </div>
    );
  }
  const { entries, next } = activity.data;
  return (
    <section className="activity" aria-label="Activity of this token">
      {entries.length === 0 ? (
        <p className="activity__empty">
          No changes recorded for this token yet. Changes made through this console are recorded as they happen; changes
          made elsewhere once the console notices them.
        </p>
      ) : (
        <ol className="activity__list" aria-label="Changes to this token, newest first">
          {entries.map((entry) => (
            <ActivityEntry key={entry.seq} entry={entry} now={now} current={token.description} />
          ))}
        </ol>
      )}
      {next !== undefined && (
        <p className="field-help">Older entries are in the org’s Activity view (filter it by this token’s ID).</p>
      )}
    </section>
  );
}
