import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeInflux, makeBucket } from '../../../testing/fake-influx';
import { renderApp } from '../../../testing/render-app';
import { allAccessPermissions, bucketPermission, makeToken, ORG_ID } from '../../../testing/token-factory';

const TELEGRAF = 'b000000000000002';
const SECRET = 'dGhpcy1zZWNyZXQtbXVzdC1uZXZlci1iZS1leHBvcnRlZC1pbi1hbnktZmlsZS1hdC1hbGwtZXZlci0xMjM0NTY3OA==';

function setup(path = '/tokens') {
  const fake = new FakeInflux({
    buckets: [
      makeBucket('b000000000000001', 'my-bucket'),
      makeBucket(TELEGRAF, 'telegraf'),
      makeBucket('b000000000000003', '_monitoring', 'system'),
    ],
    tokens: [
      makeToken({ description: 'all access', permissions: allAccessPermissions(), token: SECRET }),
      makeToken({
        description: 'telegraf writer',
        user: 'user2',
        permissions: [bucketPermission('write', TELEGRAF, 'telegraf')],
        token: SECRET,
      }),
      makeToken({
        description: 'my-bucket reader',
        permissions: [bucketPermission('read', 'b000000000000001', 'my-bucket')],
      }),
      makeToken({
        description: 'org buckets writer',
        status: 'inactive',
        permissions: [{ action: 'write', resource: { type: 'buckets', orgID: ORG_ID } }],
      }),
      makeToken({
        description: 'dashboards',
        permissions: [{ action: 'write', resource: { type: 'dashboards', orgID: ORG_ID } }],
      }),
    ],
  });
  return { fake, ...renderApp(path) };
}

const descriptions = () => Array.from(document.querySelectorAll('[data-open-token]')).map((el) => el.textContent);

describe('the permission filter', { timeout: 20_000 }, () => {
  it('"Write" on bucket telegraf finds every token that can write it, and lives in the URL', async () => {
    const { user, url } = setup();
    await screen.findByRole('button', { name: 'all access' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Permission' }), 'Write');
    await user.selectOptions(screen.getByRole('combobox', { name: 'On resource' }), 'bucket: telegraf');
    expect(url()).toBe(`/tokens?perm=write%3Abuckets%2F${TELEGRAF}`);
    await waitFor(() => expect(descriptions()).toEqual(['all access', 'org buckets writer', 'telegraf writer']));
    expect(screen.getByText('3 of 5 tokens')).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'On resource' }), 'Dashboards (any)');
    await waitFor(() => expect(descriptions()).toEqual(['all access', 'dashboards']));
    expect(url()).toBe('/tokens?perm=write%3Adashboards');
  });

  it('is read from a bookmarked URL, and Clear filters removes it', async () => {
    const { user, url } = setup(`/tokens?perm=read:buckets/${TELEGRAF}`);
    await waitFor(() => expect(descriptions()).toEqual(['all access']));
    expect(screen.getByRole('combobox', { name: 'Permission' })).toHaveValue('read');
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'On resource' })).toHaveValue(`buckets/${TELEGRAF}`),
    );
    await user.type(screen.getByRole('searchbox', { name: 'Filter tokens' }), 'writer');
    await user.click(await screen.findByRole('button', { name: 'Clear filters' }));
    expect(url()).toBe('/tokens');
    await waitFor(() => expect(descriptions()).toHaveLength(5));
  });
});

describe('Export', { timeout: 20_000 }, () => {
  let blobs: Blob[];
  let clicked: { href: string; download: string }[];

  beforeEach(() => {
    blobs = [];
    clicked = [];
    Object.defineProperty(URL, 'createObjectURL', {
      configurable: true,
      value: (blob: Blob) => {
        blobs.push(blob);
        return `blob:test/${blobs.length}`;
      },
    });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: () => {} });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    Reflect.deleteProperty(URL, 'createObjectURL');
    Reflect.deleteProperty(URL, 'revokeObjectURL');
  });

  async function exportAs(user: ReturnType<typeof setup>['user'], format: 'CSV' | 'JSON') {
    await user.click(await screen.findByRole('button', { name: 'Export' }));
    await user.click(await screen.findByRole('menuitem', { name: new RegExp(`^${format}`) }));
    await waitFor(() => expect(blobs).toHaveLength(1));
    return blobs[0]!.text();
  }

  it('downloads the tokens in view as CSV, in view order, without token strings', async () => {
    const { user } = setup('/tokens?status=active&sort=description&dir=desc');
    await screen.findByRole('button', { name: 'all access' });
    const csv = await exportAs(user, 'CSV');
    expect(blobs[0]!.type).toBe('text/csv;charset=utf-8');
    expect(clicked).toEqual([
      {
        href: 'blob:test/1',
        download: expect.stringMatching(/^influxdb-tokens-my-org-\d{8}-\d{6}\.csv$/) as unknown as string,
      },
    ]);
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('id,description,status,owner,org,created,updated,permissions,owner_id,org_id,access');
    expect(lines.slice(1).map((line) => line.split(',')[1])).toEqual([
      'telegraf writer',
      'my-bucket reader',
      'dashboards',
      'all access',
    ]);
    expect(lines[1]).toContain(`,active,user2,my-org,`);
    // The raw permission, then the same naming the bucket and org with their IDs.
    expect(lines[1]).toContain(`,write:orgs/${ORG_ID}/buckets/${TELEGRAF},`);
    expect(lines[1]).toMatch(new RegExp(`,write bucket telegraf \\(${TELEGRAF}\\) in my-org \\(${ORG_ID}\\)$`));
    expect(csv).not.toContain(SECRET);
    expect(await screen.findByText('Exported 4 tokens as CSV')).toBeInTheDocument();
  });

  it('downloads JSON with the same fields and no token field', async () => {
    const { user } = setup('/tokens?q=writer');
    await screen.findByRole('button', { name: 'telegraf writer' });
    const json = JSON.parse(await exportAs(user, 'JSON')) as Record<string, unknown>[];
    expect(json.map((t) => t.description)).toEqual(['org buckets writer', 'telegraf writer']);
    expect(json[1]).toEqual({
      id: expect.any(String) as unknown,
      description: 'telegraf writer',
      status: 'active',
      owner: 'user2',
      org: 'my-org',
      created: '2024-03-01T10:00:00Z',
      updated: '2024-03-02T10:00:00Z',
      permissions: [`write:orgs/${ORG_ID}/buckets/${TELEGRAF}`],
      ownerID: expect.any(String) as unknown,
      orgID: ORG_ID,
      access: [
        {
          action: 'write',
          type: 'buckets',
          id: TELEGRAF,
          name: 'telegraf',
          orgID: ORG_ID,
          org: 'my-org',
          text: `write bucket telegraf (${TELEGRAF}) in my-org (${ORG_ID})`,
        },
      ],
    });
    expect(blobs[0]!.type).toBe('application/json');
    expect(within(document.body).queryByText(SECRET)).not.toBeInTheDocument();
  });
});

describe('the permission filter and the back button', { timeout: 20_000 }, () => {
  it('two quick choices both land in the URL, and Back returns to the first one', async () => {
    const { user, url, router } = setup();
    await screen.findByRole('button', { name: 'all access' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Permission' }), 'Write');
    await user.selectOptions(screen.getByRole('combobox', { name: 'On resource' }), 'bucket: telegraf');
    await waitFor(() => expect(url()).toBe(`/tokens?perm=write%3Abuckets%2F${TELEGRAF}`));
    await waitFor(() => expect(descriptions()).toEqual(['all access', 'org buckets writer', 'telegraf writer']));
    await router.navigate(-1);
    await waitFor(() => expect(url()).toBe('/tokens?perm=write%3Aany'));
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'On resource' })).toHaveValue('any'));
    expect(screen.getByRole('combobox', { name: 'Permission' })).toHaveValue('write');
  });
});
