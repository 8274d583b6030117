// Dates as the official page shows them: "YYYY-MM-DD HH:mm:ss" in local time, and relative ages.

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "2024-05-01 13:04:05" in the browser's time zone; the input itself when it is not a date. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'always' });

const STEPS: [limitSeconds: number, unit: Intl.RelativeTimeFormatUnit, seconds: number][] = [
  [60 * 60, 'minute', 60],
  [24 * 60 * 60, 'hour', 60 * 60],
  [30 * 24 * 60 * 60, 'day', 24 * 60 * 60],
  [365 * 24 * 60 * 60, 'month', 30 * 24 * 60 * 60],
  [Infinity, 'year', 365 * 24 * 60 * 60],
];

/** "just now", "3 minutes ago", "2 days ago", "in 5 minutes" (clock skew). */
export function formatRelative(iso: string, now: number): string {
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) return iso;
  const seconds = Math.round((time - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  const [, unit, size] = STEPS.find(([limit]) => abs < limit)!;
  return relative.format(Math.round(seconds / size) || Math.sign(seconds), unit);
}

/**
 * Made once, and its answers kept by UTC offset (the zone's name changes only with it, at daylight saving):
 * formatting parts is slow, and every list row mounted while scrolling asks for its dates' zone.
 */
const zoneFormat = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' });
const zoneByOffset = new Map<number, string>();

/** The browser's time zone as people read it: "UTC", "CET", "GMT+2". */
export function timeZoneName(iso?: string): string {
  const date = iso ? new Date(iso) : new Date();
  if (Number.isNaN(date.getTime())) return '';
  const offset = date.getTimezoneOffset();
  let name = zoneByOffset.get(offset);
  if (name === undefined) {
    name = zoneFormat.formatToParts(date).find((part) => part.type === 'timeZoneName')?.value ?? '';
    zoneByOffset.set(offset, name);
  }
  return name;
}

/** "2024-05-01 13:04:05 CEST": formatDateTime with its time zone, for hover text and the drawer. */
export function formatDateTimeZone(iso: string): string {
  const zone = timeZoneName(iso);
  const text = formatDateTime(iso);
  return zone && text !== iso ? `${text} ${zone}` : text;
}
