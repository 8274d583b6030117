// The tokens in view as CSV or JSON for a download. Token strings are never written: the field is left out.
import type { Authorization } from '../../../lib/influx-types';
import { permissionString } from './permission-string';
import { ownerName } from './token-index';

export const EXPORT_COLUMNS = ['id', 'description', 'status', 'owner', 'org', 'created', 'updated', 'permissions'] as const;

export interface ExportedToken {
  id: string;
  description: string;
  status: string;
  owner: string;
  org: string;
  created: string;
  updated: string;
  permissions: string[];
}

/** Picks the exported fields one by one, so a field added to the API (or the token string) never leaks out. */
export function exportedToken(token: Authorization): ExportedToken {
  return {
    id: token.id,
    description: token.description,
    status: token.status,
    owner: ownerName(token),
    org: token.org || token.orgID,
    created: token.createdAt,
    updated: token.updatedAt,
    permissions: token.permissions.map(permissionString),
  };
}

/** Cells a spreadsheet would run as a formula start with one of these (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: formula starts defused with a leading apostrophe, then quoted when it holds a quote, comma or line break. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV with CRLF line ends and a byte-order mark, so spreadsheet apps read non-ASCII descriptions right. */
export function tokensToCsv(tokens: readonly Authorization[]): string {
  const lines = [EXPORT_COLUMNS.join(',')];
  for (const token of tokens) {
    const row = exportedToken(token);
    lines.push(EXPORT_COLUMNS.map((column) => csvField(column === 'permissions' ? row.permissions.join(' ') : row[column])).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function tokensToJson(tokens: readonly Authorization[]): string {
  return `${JSON.stringify(tokens.map(exportedToken), null, 2)}\n`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "influxdb-tokens-my-org-20240501-130405.csv" (local time), safe as a file name. */
export function exportFileName(org: string, extension: 'csv' | 'json', now = new Date()): string {
  const stamp =
    `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-` + `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  const safeOrg = org.replace(/[^a-zA-Z0-9._-]+/g, '_').slice(0, 60) || 'org';
  return `influxdb-tokens-${safeOrg}-${stamp}.${extension}`;
}
