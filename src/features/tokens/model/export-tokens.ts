// The tokens in view as CSV or JSON for a download. Token strings are never written: the field is left out.
import type { Authorization } from '../../../../core/influx-types';
import { permissionString } from '../../../../core/permissions';
import { csvField } from '../../../lib/csv-field';
import { formatDateTime } from '../../../lib/format-time';
import { permissionText } from './permission-text';
import { ownerName } from './token-index';

/** `permissions` are InfluxDB's permission strings (IDs only); `access` says the same naming buckets, orgs and users. */
const EXPORT_COLUMNS = [
  'id',
  'description',
  'status',
  'owner',
  'org',
  'created',
  'updated',
  'permissions',
  'owner_id',
  'org_id',
  'access',
] as const;

type CsvRow = Record<(typeof EXPORT_COLUMNS)[number], string>;

/**
 * The JSON export's token: picks the exported fields one by one, so a field added to the API (or the token string)
 * never leaks out. `access` holds InfluxDB's resource fields with names next to IDs, and the same in words.
 */
function exportedToken(token: Authorization) {
  return {
    id: token.id,
    description: token.description,
    status: token.status,
    owner: ownerName(token),
    org: token.org || token.orgID,
    created: token.createdAt,
    updated: token.updatedAt,
    permissions: token.permissions.map(permissionString),
    ownerID: token.userID,
    orgID: token.orgID,
    access: token.permissions.map((p) => {
      const { type, id, name, orgID } = p.resource;
      const org = p.resource.org || (orgID && orgID === token.orgID ? token.org : undefined);
      return {
        action: p.action,
        type,
        ...(id ? { id } : {}),
        ...(name ? { name } : {}),
        ...(orgID ? { orgID } : {}),
        ...(org ? { org } : {}),
        text: permissionText(p, (orgID) => (orgID === token.orgID ? token.org : undefined)),
      };
    }),
  };
}

function csvRow(token: Authorization): CsvRow {
  const row = exportedToken(token);
  return {
    ...row,
    permissions: row.permissions.join(' '),
    owner_id: row.ownerID,
    org_id: row.orgID,
    access: row.access.map((p) => p.text).join('; '),
  };
}

/** RFC 4180 CSV with CRLF line ends and a byte-order mark, so spreadsheet apps read non-ASCII descriptions right. */
export function tokensToCsv(tokens: readonly Authorization[]): string {
  const lines = [EXPORT_COLUMNS.join(',')];
  for (const token of tokens) {
    const row = csvRow(token);
    lines.push(EXPORT_COLUMNS.map((column) => csvField(row[column])).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function tokensToJson(tokens: readonly Authorization[]): string {
  return `${JSON.stringify(tokens.map(exportedToken), null, 2)}\n`;
}

/** "influxdb-tokens-my-org-20240501-130405.csv" (local time), safe as a file name. */
export function exportFileName(org: string, extension: 'csv' | 'json', now = new Date()): string {
  const stamp = formatDateTime(now.toISOString()).replace(/[-:]/g, '').replace(' ', '-');
  const safeOrg = org.replace(/[^a-zA-Z0-9._-]+/g, '_').slice(0, 60) || 'org';
  return `influxdb-tokens-${safeOrg}-${stamp}.${extension}`;
}
