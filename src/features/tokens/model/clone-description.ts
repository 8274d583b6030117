// A clone's description, as the InfluxDB UI names it: "<old> (cloned at YYYY-MM-DD HH:MM:SS)" in local time.
import { formatDateTime } from '../../../lib/format-time';

export function cloneDescription(description: string, now = new Date()): string {
  const stamp = `(cloned at ${formatDateTime(now.toISOString())})`;
  return description.trim() === '' ? stamp : `${description} ${stamp}`;
}
