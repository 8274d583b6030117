import { describe, expect, it } from 'vitest';
import { bucketPermission, makeToken, ORG_ID } from '../../../testing/token-factory';
import { csvField } from '../../../lib/csv-field';
import { exportFileName, tokensToCsv, tokensToJson } from './export-tokens';

/** A small RFC 4180 reader, to check that what we write reads back as the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

const SECRET = 'c2VjcmV0LXRva2VuLXN0cmluZy1uZXZlci1leHBvcnRlZA==';
const tokens = [
  makeToken({
    id: 'aaaaaaaaaaaaaaa1',
    token: SECRET,
    description: 'say "hi", then\nleave',
    user: 'user2',
    status: 'inactive',
    createdAt: '2024-01-02T03:04:05Z',
    updatedAt: '2024-02-03T04:05:06Z',
    permissions: [
      bucketPermission('read', 'b000000000000001', 'telemetry'),
      { action: 'write', resource: { type: 'dashboards', orgID: ORG_ID } },
      { action: 'write', resource: { type: 'users', id: '1000000000000003' } },
      { action: 'read', resource: { type: 'tasks' } },
    ],
  }),
  makeToken({
    id: 'aaaaaaaaaaaaaaa2',
    token: SECRET,
    description: '=HYPERLINK("http://evil")',
    user: 'admin',
    permissions: [],
  }),
];

describe('CSV export', () => {
  it('writes the header, one row per token, and reads back cell for cell', () => {
    const csv = tokensToCsv(tokens);
    expect(
      csv.startsWith('\uFEFFid,description,status,owner,org,created,updated,permissions,owner_id,org_id,access\r\n'),
    ).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows).toEqual([
      'id,description,status,owner,org,created,updated,permissions,owner_id,org_id,access'.split(','),
      [
        'aaaaaaaaaaaaaaa1',
        'say "hi", then\nleave',
        'inactive',
        'user2',
        'my-org',
        '2024-01-02T03:04:05Z',
        '2024-02-03T04:05:06Z',
        `read:orgs/${ORG_ID}/buckets/b000000000000001 write:orgs/${ORG_ID}/dashboards write:users/1000000000000003 read:tasks`,
        tokens[0]!.userID,
        ORG_ID,
        // Buckets and orgs by name and ID, not only raw IDs.
        `read bucket telemetry (b000000000000001) in my-org (${ORG_ID}); write all dashboards in my-org (${ORG_ID}); ` +
          'write user 1000000000000003; read all tasks in every organization',
      ],
      [
        'aaaaaaaaaaaaaaa2',
        `'=HYPERLINK("http://evil")`,
        'active',
        'admin',
        'my-org',
        '2024-03-01T10:00:00Z',
        '2024-03-02T10:00:00Z',
        '',
        tokens[1]!.userID,
        ORG_ID,
        '',
      ],
    ]);
  });

  it('never contains a token string', () => {
    expect(tokensToCsv(tokens)).not.toContain(SECRET);
    expect(tokensToCsv(tokens)).not.toMatch(/token/i);
  });

  it('defuses every formula start and quotes only when needed', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('=a,"b"')).toBe(`"'=a,""b"""`);
    expect(csvField('line\r\nbreak')).toBe('"line\r\nbreak"');
  });
});

describe('JSON export', () => {
  it('has the same fields, permissions as strings, and no token field', () => {
    const parsed = JSON.parse(tokensToJson(tokens)) as Record<string, unknown>[];
    expect(parsed).toHaveLength(2);
    expect(Object.keys(parsed[0]!)).toEqual(
      'id description status owner org created updated permissions ownerID orgID access'.split(' '),
    );
    expect(parsed[0]!.permissions).toContain('write:users/1000000000000003');
    expect((parsed[0]!.access as unknown[])[0]).toEqual({
      action: 'read',
      type: 'buckets',
      id: 'b000000000000001',
      name: 'telemetry',
      orgID: ORG_ID,
      org: 'my-org',
      text: `read bucket telemetry (b000000000000001) in my-org (${ORG_ID})`,
    });
    expect(parsed[1]!.description).toBe('=HYPERLINK("http://evil")');
    expect(tokensToJson(tokens)).not.toContain(SECRET);
    expect(parsed.every((t) => !('token' in t))).toBe(true);
  });
});

describe('exportFileName', () => {
  it('stamps local time and keeps the org name file-safe', () => {
    expect(exportFileName('my org/../x', 'csv', new Date(2024, 4, 1, 13, 4, 5))).toBe(
      'influxdb-tokens-my_org_.._x-20240501-130405.csv',
    );
  });
});
