import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CI, entry, setup, WEB } from './testing/fake-activity';

beforeEach(() => {
  vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

const tokenNames = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getByRole('link').textContent);

const DAY = 24 * 60 * 60 * 1000;

const trail = [
  entry(1, {
    tokenID: WEB,
    description: 'web reader',
    action: 'create',
    at: new Date(Date.now() - 20 * DAY).toISOString(),
  }),
  entry(2, { action: 'rename', before: { description: 'ci' }, after: { description: 'ci deploy' } }),
  entry(3, {
    tokenID: WEB,
    description: 'web reader',
    actor: {
      kind: 'pasted-token',
      tokenID: 'a000000000000b07',
      description: 'laptop',
      user: 'bob',
      person: 'Bob Smith',
    },
  }),
  entry(4, { action: 'activate', before: { status: 'inactive' }, after: { status: 'active' } }),
];

describe('the Activity filters', { timeout: 20_000 }, () => {
  it('asks the server for one action, and keeps it in the URL', async () => {
    const { user, url, activity } = setup(trail);
    await waitFor(() => expect(tokenNames()).toHaveLength(4));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Action' }), 'Renamed');
    await waitFor(() => expect(tokenNames()).toEqual(['ci deploy']));
    expect(activity.asked.at(-1)?.get('action')).toBe('rename');
    expect(url()).toBe('/activity?action=rename');
    expect(screen.getByRole('row', { name: /Renamed/ })).toHaveTextContent('description: “ci” → “ci deploy”');
  });

  it('matches token words on the page, and asks the server for a whole token ID', async () => {
    const { user, activity } = setup(trail);
    await waitFor(() => expect(tokenNames()).toHaveLength(4));
    const token = screen.getByRole('searchbox', { name: 'Token' });
    await user.type(token, 'WEB');
    await waitFor(() => expect(tokenNames()).toEqual(['web reader', 'web reader']));
    expect(activity.asked).toHaveLength(1);

    await user.clear(token);
    await user.type(token, CI);
    await waitFor(() => expect(tokenNames()).toEqual(['ci deploy', 'ci deploy']));
    expect(activity.asked.at(-1)?.get('tokenID')).toBe(CI);
  });

  it('matches who acted: the person, the user or the acting token', async () => {
    const { user } = setup(trail);
    await waitFor(() => expect(tokenNames()).toHaveLength(4));
    const actor = screen.getByRole('searchbox', { name: 'Actor' });
    await user.type(actor, 'bob smith');
    await waitFor(() => expect(tokenNames()).toEqual(['web reader']));
    await user.clear(actor);
    await user.type(actor, 'admin');
    await waitFor(() => expect(tokenNames()).toHaveLength(3));
  });

  it('asks the server for entries since a moment, and Clear filters shows everything again', async () => {
    const { user, activity, url } = setup(trail);
    await waitFor(() => expect(tokenNames()).toHaveLength(4));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Time' }), 'Last 7 days');
    await waitFor(() => expect(tokenNames()).toHaveLength(3));
    const since = Date.parse(activity.asked.at(-1)?.get('since') ?? '');
    expect(Math.abs(Date.now() - 7 * DAY - since)).toBeLessThan(60_000);

    await user.type(screen.getByRole('searchbox', { name: 'Token' }), 'no such token');
    expect(await screen.findByRole('heading', { name: 'No activity matches your filters' })).toBeInTheDocument();
    expect(url()).toBe('/activity?token=no+such+token&since=7d');
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(tokenNames()).toHaveLength(4));
    expect(screen.getByRole('searchbox', { name: 'Token' })).toHaveValue('');
    expect(url()).toBe('/activity');
  });

  it('shows only the rows on screen, and looks further back when no loaded entry matches the words', async () => {
    // Rows 100 px high (jsdom lays nothing out): a 768 px window shows a few of the first page's 40.
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return this.dataset.index === undefined ? 0 : 100;
    });
    const older = [
      entry(1, { tokenID: WEB, description: 'web reader' }),
      ...Array.from({ length: 80 }, (_, i) => entry(i + 2)),
    ];
    const { user, activity } = setup(older, '/activity', 40);
    await waitFor(() => expect(tokenNames().length).toBeGreaterThan(5));
    expect(tokenNames().length).toBeLessThan(30);
    expect(screen.getByText('40 entries loaded, more to come')).toBeInTheDocument();
    expect(activity.asked).toHaveLength(1);

    await user.type(screen.getByRole('searchbox', { name: 'Token' }), 'web');
    await waitFor(() => expect(tokenNames()).toEqual(['web reader']));
    expect(activity.asked.map((q) => q.get('before'))).toEqual([null, '42', '2']);
    expect(screen.getByText('1 of 81 entries')).toBeInTheDocument();
  });

  it('reads its filters from a link', async () => {
    const { activity } = setup(trail, '/activity?action=activate&actor=admin');
    await waitFor(() => expect(tokenNames()).toEqual(['ci deploy']));
    expect(activity.asked[0]?.get('action')).toBe('activate');
    expect(screen.getByRole('combobox', { name: 'Action' })).toHaveValue('activate');
    expect(screen.getByRole('searchbox', { name: 'Actor' })).toHaveValue('admin');
  });
});

describe('Export', { timeout: 20_000 }, () => {
  let blobs: Blob[];
  let names: string[];

  beforeEach(() => {
    blobs = [];
    names = [];
    Object.defineProperty(URL, 'createObjectURL', {
      configurable: true,
      value: (blob: Blob) => `blob:test/${blobs.push(blob)}`,
    });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: () => {} });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
  });
  afterEach(() => {
    Reflect.deleteProperty(URL, 'createObjectURL');
    Reflect.deleteProperty(URL, 'revokeObjectURL');
  });

  async function exportAs(user: ReturnType<typeof setup>['user'], format: 'CSV' | 'JSON Lines') {
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await user.click(await screen.findByRole('menuitem', { name: new RegExp(`^${format}`) }));
    await waitFor(() => expect(blobs).toHaveLength(1));
    return blobs[0]!.text();
  }

  it('writes the entries in view as CSV, newest first', async () => {
    const { user } = setup(trail);
    await waitFor(() => expect(tokenNames()).toHaveLength(4));
    await user.type(screen.getByRole('searchbox', { name: 'Token' }), 'ci');
    await waitFor(() => expect(tokenNames()).toHaveLength(2));
    const lines = (await exportAs(user, 'CSV'))
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('time,token_id,description,action,change,who,via,note');
    expect(lines.slice(1)).toEqual([
      `${trail[3]!.at},${CI},ci deploy,Activated,status: inactive → active,“admin's Token” (server token of admin),page,`,
      `${trail[1]!.at},${CI},ci deploy,Renamed,description: “ci” → “ci deploy”,“admin's Token” (server token of admin),page,`,
    ]);
    expect(names[0]).toMatch(/^influxdb-activity-my-org-\d{8}-\d{6}\.csv$/);
    expect(await screen.findByText('Exported 2 entries as CSV')).toBeInTheDocument();
  });

  it('writes JSON Lines: one entry as the server sent it per line', async () => {
    const { user } = setup(trail);
    await waitFor(() => expect(tokenNames()).toHaveLength(4));
    const text = await exportAs(user, 'JSON Lines');
    expect(text.endsWith('\n')).toBe(true);
    expect(
      text
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as unknown),
    ).toEqual([...trail].reverse());
    expect(blobs[0]!.type).toBe('application/x-ndjson');
    expect(names[0]).toMatch(/^influxdb-activity-my-org-\d{8}-\d{6}\.jsonl$/);
  });
});
