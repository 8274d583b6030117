// Expiry as the page shows and filters it: the governance answer indexed by token once, the Expires cell's words,
// the expiry filter, and an expiry choice (7, 30, 90 days, a date, never) turned into the date to send.
import { noExpiry, type Expiry, type GovernanceState } from '../../../../core/governance';
import { formatDateTimeZone } from '../../../lib/format-time';

const DAY_MS = 24 * 60 * 60 * 1000;

/** One governance answer, with each token's expiry found in a Map built once (not once per row). */
export interface ExpiryIndex {
  available: boolean;
  unavailableReason?: string;
  maxLifetimeDays: number | null;
  byToken: ReadonlyMap<string, Expiry>;
}

export function indexExpiries(state: GovernanceState): ExpiryIndex {
  return {
    available: state.available,
    unavailableReason: state.unavailableReason,
    maxLifetimeDays: state.maxLifetimeDays,
    byToken: new Map(state.expiries.map((expiry) => [expiry.tokenID, expiry])),
  };
}

/** The URL's `expiry=` filter; absent means any. */
export const EXPIRY_FILTERS = ['soon', 'never', 'overdue', 'deactivated'] as const;
export type ExpiryFilter = (typeof EXPIRY_FILTERS)[number];

export const EXPIRY_FILTER_LABELS: Record<ExpiryFilter, string> = {
  soon: 'Expires within 7 days',
  never: 'Never expires',
  overdue: 'Expiry overdue',
  deactivated: 'Expired (deactivated by this console)',
};

/** What "soon" means for the filter (and the health view): within this many days. */
export const SOON_DAYS = 7;

export function matchesExpiryFilter(expiry: Expiry | undefined, filter: ExpiryFilter, now: number): boolean {
  switch (filter) {
    case 'never':
      return noExpiry(expiry);
    case 'soon':
      return expiry?.state === 'scheduled' && Date.parse(expiry.expiresAt) - now <= SOON_DAYS * DAY_MS;
    case 'overdue':
      return expiry?.state === 'overdue';
    case 'deactivated':
      return expiry?.state === 'deactivated' && !expiry.deletionOnly;
  }
}

/** Sort value: the expiry time; never expiring sorts after every date (last when ascending). */
export function expirySortValue(expiry: Expiry | undefined): number {
  if (!expiry || noExpiry(expiry)) return Infinity;
  return Date.parse(expiry.expiresAt) || Infinity;
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'always' });
const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
/** "in 12 minutes", "in 5 hours", "in 3 days"; a date ("12 Dec 2026") when more than 30 days away. */
export function formatExpiresIn(iso: string, now: number): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const ms = time - now;
  if (ms <= 0) return 'due now';
  if (ms < 60 * 60 * 1000) return relative.format(Math.max(1, Math.round(ms / 60_000)), 'minute');
  if (ms < DAY_MS) return relative.format(Math.round(ms / 3_600_000), 'hour');
  // Rounded, so "30 days" chosen a moment ago still reads "in 30 days" on a clock that ticks every 30 s.
  if (Math.round(ms / DAY_MS) <= 30) return relative.format(Math.round(ms / DAY_MS), 'day');
  return shortDate.format(new Date(time));
}

/** The Expires cell: `text` shown, `full` its whole meaning (read by screen readers, and on hover). */
export function expiryCellText(expiry: Expiry | undefined, now: number): { text: string; full: string } {
  if (expiry?.deletionOnly && expiry.deleteAt && expiry.state !== 'gone')
    return {
      text: `deleted ${formatExpiresIn(expiry.deleteAt, now)}`,
      full: `no expiry; deleted by this console ${formatDateTimeZone(expiry.deleteAt)} if still inactive then`,
    };
  if (!expiry || noExpiry(expiry)) return { text: 'never', full: 'never' };
  const when = formatDateTimeZone(expiry.expiresAt);
  switch (expiry.state) {
    case 'gone':
      return { text: 'never', full: 'never' };
    case 'overdue':
      return {
        text: 'expiry overdue',
        full: `expiry overdue: due ${when}; this console keeps trying to deactivate it${expiry.lastError ? ` (${expiry.lastError})` : ''}`,
      };
    case 'deactivated':
      return { text: 'expired', full: 'expired: deactivated by this console' };
    case 'scheduled':
      return { text: formatExpiresIn(expiry.expiresAt, now), full: `expires ${when}` };
  }
}

/** An expiry choice: a number of days from now, a date and time the person typed, or never. */
export type ExpiryPreset = `days:${number}` | 'date' | 'never';

export interface ExpiryDraft {
  preset: ExpiryPreset;
  /** A datetime-local value ("2026-12-12T14:00"), in the browser's time zone; used when preset is 'date'. */
  date: string;
}

export const PRESET_DAYS = [7, 30, 90] as const;

/** The day counts offered: 7, 30, 90 within the policy's limit, and the limit itself. */
export function presetDays(maxLifetimeDays: number | null): number[] {
  if (maxLifetimeDays === null) return [...PRESET_DAYS];
  const within = PRESET_DAYS.filter((days) => days <= maxLifetimeDays);
  return within.includes(maxLifetimeDays as (typeof PRESET_DAYS)[number]) ? within : [...within, maxLifetimeDays];
}

/** What a new token's expiry starts as: the policy's limit when there is one, else never. */
export function defaultExpiryDraft(maxLifetimeDays: number | null): ExpiryDraft {
  return { preset: maxLifetimeDays === null ? 'never' : `days:${maxLifetimeDays}`, date: '' };
}

/** The moment to send (ISO, UTC; null for never), or what is wrong with the choice, in words. */
export function resolveExpiry(
  draft: ExpiryDraft,
  now: number,
  maxLifetimeDays: number | null,
): { expiresAt: string | null } | { error: string } {
  let time: number;
  if (draft.preset === 'never') {
    if (maxLifetimeDays !== null)
      return { error: `Every token must expire within ${maxLifetimeDays} days here (MAX_TOKEN_LIFETIME).` };
    return { expiresAt: null };
  } else if (draft.preset === 'date') {
    const text = draft.date.trim();
    if (!text) return { error: 'Choose the date and time it expires.' };
    time = new Date(text).getTime();
    if (Number.isNaN(time)) return { error: `“${text}” is not a date and time.` };
    if (time <= now)
      return { error: `${formatDateTimeZone(new Date(time).toISOString())} has passed: choose a later time.` };
  } else {
    time = now + Number(draft.preset.slice('days:'.length)) * DAY_MS;
  }
  if (maxLifetimeDays !== null && time > now + maxLifetimeDays * DAY_MS) {
    const limit = formatDateTimeZone(new Date(now + maxLifetimeDays * DAY_MS).toISOString());
    return {
      error: `That is beyond the longest lifetime allowed here, ${maxLifetimeDays} days (MAX_TOKEN_LIFETIME): choose ${limit} or earlier.`,
    };
  }
  return { expiresAt: new Date(time).toISOString() };
}

/** A moment as a datetime-local value ("2026-12-12T14:00") in the browser's time zone, for the date field. */
export function toLocalInputValue(iso: string | number): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

/** What the choice is, in words, for the saved message: "expires 12 Dec 2026, 14:00 GMT+1" or "never expires". */
export function expiryOutcomeText(expiresAt: string | null): string {
  return expiresAt === null ? 'never expires' : `expires ${formatDateTimeZone(expiresAt)}`;
}
