// Rotate's grace period: when the old token stops working. "Now" is the flow without one (the person says when the
// new token is in place); a later time is an expiry on the old token, which this console deactivates it at.
// Optionally the console deletes it some days after it stopped, if it is still inactive then.
import type { Expiry } from '../../../../core/governance';
import { formatDateTimeZone } from '../../../lib/format-time';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export type GraceChoice = 'now' | '1h' | '24h' | '7d' | 'date';

/** A later preset, and how long it keeps the old token working. */
export interface GracePreset {
  choice: GraceChoice;
  label: string;
  ms: number;
}

export const GRACE_PRESETS: readonly GracePreset[] = [
  { choice: '1h', label: 'In 1 hour', ms: HOUR_MS },
  { choice: '24h', label: 'In 24 hours', ms: 24 * HOUR_MS },
  { choice: '7d', label: 'In 7 days', ms: 7 * DAY_MS },
];

export type DeletionChoice = 'never' | '1d' | '7d' | '30d';

/** "Then delete the old token": how long after it stops working (0: never). */
export const DELETION_CHOICES: readonly { choice: DeletionChoice; label: string; ms: number }[] = [
  { choice: 'never', label: 'Never', ms: 0 },
  { choice: '1d', label: '1 day after it stops working', ms: DAY_MS },
  { choice: '7d', label: '7 days after', ms: 7 * DAY_MS },
  { choice: '30d', label: '30 days after', ms: 30 * DAY_MS },
];

export interface GraceDraft {
  choice: GraceChoice;
  /** A datetime-local value in the browser's time zone; used when the choice is 'date'. */
  date: string;
  deletion: DeletionChoice;
}

export const NOW_DRAFT: GraceDraft = { choice: 'now', date: '', deletion: 'never' };

/** How long after the old token stops the console deletes it; null for never. */
export function deletionDelay(choice: DeletionChoice): number | null {
  const ms = DELETION_CHOICES.find((option) => option.choice === choice)?.ms ?? 0;
  return ms > 0 ? ms : null;
}

/** The deletion time (ISO, UTC), `delayMs` after the old token stops. */
export function deleteAtAfter(stopsAt: string | number, delayMs: number): string {
  return new Date(new Date(stopsAt).getTime() + delayMs).toISOString();
}

/** "1 day", "7 days". */
function daysText(delayMs: number): string {
  const days = Math.round(delayMs / DAY_MS);
  return `${days} day${days === 1 ? '' : 's'}`;
}

/** The presets the policy allows (no expiry may be set later than MAX_TOKEN_LIFETIME from now). */
export function gracePresets(maxLifetimeDays: number | null): GracePreset[] {
  return GRACE_PRESETS.filter(({ ms }) => maxLifetimeDays === null || ms <= maxLifetimeDays * DAY_MS);
}

/**
 * When the old token stops (ISO, UTC; null for "Now": no schedule), or what is wrong with the choice, in words.
 * A time after the old token's own expiry would put that off, so it is refused rather than sent.
 */
export function resolveGrace(
  draft: GraceDraft,
  now: number,
  maxLifetimeDays: number | null,
  current: Expiry | undefined,
  label: string,
): { expiresAt: string | null } | { error: string } {
  if (draft.choice === 'now') return { expiresAt: null };
  let time: number;
  if (draft.choice === 'date') {
    const text = draft.date.trim();
    if (!text) return { error: 'Choose the date and time the old token stops working.' };
    time = new Date(text).getTime();
    if (Number.isNaN(time)) return { error: `“${text}” is not a date and time.` };
    if (time <= now)
      return { error: `${formatDateTimeZone(new Date(time).toISOString())} has passed: choose a later time.` };
  } else {
    time = now + (GRACE_PRESETS.find((preset) => preset.choice === draft.choice)?.ms ?? 0);
  }
  if (maxLifetimeDays !== null && time > now + maxLifetimeDays * DAY_MS) {
    const limit = formatDateTimeZone(new Date(now + maxLifetimeDays * DAY_MS).toISOString());
    return {
      error: `That is beyond the longest lifetime allowed here, ${maxLifetimeDays} days (MAX_TOKEN_LIFETIME): choose ${limit} or earlier.`,
    };
  }
  if ((current?.state === 'scheduled' || current?.state === 'overdue') && Date.parse(current.expiresAt) < time)
    return {
      error: `“${label}” already expires ${formatDateTimeZone(current.expiresAt)}, before that: choose an earlier time, or Now.`,
    };
  return { expiresAt: new Date(time).toISOString() };
}

/**
 * Said with the new token once the old one's deactivation is scheduled. Under MAX_TOKEN_LIFETIME an expiry cannot
 * be cleared (every token must expire), only moved.
 */
export function graceScheduledText(label: string, expiresAt: string, cancellable = true, deleteAt?: string): string {
  const how = cancellable ? 'cancel that in its drawer' : 'change that in its drawer';
  const stops = `The old token “${label}” stays active until ${formatDateTimeZone(expiresAt)}; ${how}.`;
  return deleteAt ? `${stops} ${deletionText(deleteAt)}` : stops;
}

/** The scheduled deletion, and how to call it off. */
export function deletionText(deleteAt: string): string {
  return (
    `This console deletes it ${formatDateTimeZone(deleteAt)} if it is still inactive then; switching it back on ` +
    `cancels that.`
  );
}

/** Said with the new token when scheduling failed: it exists, and the old one was not scheduled. */
export function graceFailedText(label: string, reason: string, withDeletion = false): string {
  const what = withDeletion ? 'to stop, nor to be deleted' : 'to stop';
  return (
    `The new token was created, but “${label}” was NOT scheduled ${what}: ${reason}. It stays active until ` +
    `you deactivate it (below, once the new token is in place) or set its expiry in its drawer.`
  );
}

/** "Now" with a deletion: said with the new token, before the person deactivates the old one there. */
export function deleteAfterRetireText(label: string, delayMs: number): string {
  return (
    `When you deactivate “${label}” here, this console deletes it ${daysText(delayMs)} later, if it is still ` +
    `inactive then. Keeping it active schedules no deletion.`
  );
}
