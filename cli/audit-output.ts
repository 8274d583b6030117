// `audit`'s input and output: --since in words people type, and the trail as a table or JSON Lines.
import { parseDuration } from '../core/duration';
import type { AuditActor, AuditEntry } from '../core/governance';
import { tableLines } from '../core/text-table';
import { usageError } from './errors';

/** A date, or a date and time (with seconds and a zone optional): what Date.parse reads the same everywhere. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** `--since 30m|24h|7d|2w|2024-05-01|2024-05-01T12:00:00Z` as an ISO instant; anything else is a usage error. */
export function parseSince(value: string, now: number): string {
  const text = value.trim();
  const duration = parseDuration(text);
  if (duration !== undefined) return new Date(now - duration).toISOString();
  if (/^0+\s*[mhdw]$/i.test(text)) {
    throw usageError(`--since "${value}" is no time at all: give a duration above 0, such as 7d`);
  }
  const time = ISO_DATE.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(time)) {
    throw usageError(
      `--since "${value}" is neither a duration (30m, 24h, 7d, 2w) nor a date (2024-05-01 or 2024-05-01T12:00:00Z)`,
    );
  }
  if (time > now) throw usageError(`--since "${value}" is in the future: nothing has happened since then yet`);
  return new Date(time).toISOString();
}

/** The person a trusted proxy named, else the acting credential: "admin (admin's Token)", "this console". */
export function actorText(actor: AuditActor): string {
  if (actor.person) return actor.person;
  if (actor.kind === 'console' && !actor.tokenID) return 'this console';
  const credential = actor.description || actor.tokenID || 'unknown token';
  return actor.user ? `${actor.user} (${credential})` : credential;
}

/** "status: active → inactive; description: ci → ci deploy" ("—" for a side without the field). */
export function changeText(entry: Pick<AuditEntry, 'before' | 'after'>): string {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields.map((field) => `${field}: ${before[field] ?? '—'} → ${after[field] ?? '—'}`).join('; ');
}

export const AUDIT_HEADERS = ['Time', 'Token ID', 'Description', 'Action', 'Before → After', 'Who', 'Via'] as const;

/** One line per entry, in the order given (newest first); line breaks in a description cannot break the table. */
export function renderAuditTable(entries: readonly AuditEntry[]): string {
  const oneLine = (text: string) => text.replace(/[\r\n\t]+/g, ' ');
  const rows = entries.map((entry) =>
    [
      entry.at,
      entry.tokenID,
      entry.description,
      entry.action,
      changeText(entry),
      actorText(entry.actor),
      entry.note ? `${entry.via} (${entry.note})` : entry.via,
    ].map(oneLine),
  );
  return tableLines([[...AUDIT_HEADERS], ...rows])
    .map((line) => `${line}\n`)
    .join('');
}

/** JSON Lines: each entry exactly as the app server sent it, one per line. */
export function renderAuditJsonLines(entries: readonly AuditEntry[]): string {
  return entries.map((entry) => `${JSON.stringify(entry)}\n`).join('');
}
