// The Activity view's entries as CSV (for a spreadsheet) or JSON Lines (one AuditEntry a line, for tools).
import type { AuditEntry } from '../../../../core/governance';
import { formatDateTime } from '../../../lib/format-time';
import { csvField } from '../../../lib/csv-field';
import { actionText, actorText, changeLines, viaText } from '../../../lib/audit-text';

const CSV_COLUMNS = ['time', 'token_id', 'description', 'action', 'change', 'who', 'via', 'note'] as const;

function csvRow(entry: AuditEntry): Record<(typeof CSV_COLUMNS)[number], string> {
  return {
    time: entry.at,
    token_id: entry.tokenID,
    description: entry.description,
    action: actionText(entry.action, entry.via),
    change: changeLines(entry).join('; '),
    who: actorText(entry.actor),
    via: viaText(entry.via),
    note: entry.note ?? '',
  };
}

/** RFC 4180 CSV with CRLF line ends and a byte-order mark, as the token export writes it. */
export function activityToCsv(entries: readonly AuditEntry[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const entry of entries) {
    const row = csvRow(entry);
    lines.push(CSV_COLUMNS.map((column) => csvField(row[column])).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** One entry per line, exactly as the app server answered it. */
export function activityToJsonLines(entries: readonly AuditEntry[]): string {
  return entries.map((entry) => `${JSON.stringify(entry)}\n`).join('');
}

/** "influxdb-activity-my-org-20240501-130405.csv" (local time), safe as a file name. */
export function activityFileName(org: string, extension: 'csv' | 'jsonl', now = new Date()): string {
  const stamp = formatDateTime(now.toISOString()).replace(/[-:]/g, '').replace(' ', '-');
  const safeOrg = org.replace(/[^a-zA-Z0-9._-]+/g, '_').slice(0, 60) || 'org';
  return `influxdb-activity-${safeOrg}-${stamp}.${extension}`;
}
