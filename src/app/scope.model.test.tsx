// Model-based test (fast-check fc.commands) of how the page scopes its caches: one QueryClient per connection (the
// default one's is the app's, /c/<name>/ gets a fresh one), everything keyed by org, and the token detail keyed by ID
// alone, guarded by org in the drawer. Two InfluxDBs (dev, the default, and prod, a restored copy of dev: they share
// an org ID and may share token IDs, as `influx restore --full` leaves them) and random sequences of: going to a
// (connection, org) by URL or by the header's menus, opening a token's drawer by URL (under its own org, another org
// or connection, or an ID nobody has) or from the list, closing it, and changes made elsewhere (rename, status,
// delete, create), after which time passes beyond staleTime and the page refreshes as it does (window focus, or going
// away and back). After each step, once the page has its answers: the header names the model's connection and org,
// the rows are exactly the model's tokens of that pair, and an open drawer shows its token only if it belongs there,
// else "Token not found".
// More: MODEL_RUNS=100 npx vitest run src/app/scope.model.test.tsx; a failure replays with MODEL_SEED, MODEL_PATH and
// MODEL_REPLAY (the replayPath fast-check prints).
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Authorization } from '../../core/influx-types';
import { modelParameters } from '../../test/model/parameters';
import { tokenLabel } from '../lib/token-label';
import { FakeInflux } from '../testing/fake-influx';
import { mswServer } from '../testing/msw-server';
import { renderApp } from '../testing/render-app';
import { makeToken, ORG_ID, ORG_NAME } from '../testing/token-factory';

type Conn = 'dev' | 'prod';
const DEV = { name: 'dev', upstream: 'http://dev.example:8086', production: false, org: null, needsToken: false };
const PROD = { name: 'prod', upstream: 'https://prod.example', production: true, org: null, needsToken: false };
/** Each connection's orgs, its default (the first the token can see) first. prod's my-org is dev's, restored. */
const ORGS: Record<Conn, { id: string; name: string }[]> = {
  dev: [
    { id: ORG_ID, name: ORG_NAME },
    { id: '0b0b0b0b0b0b0b02', name: 'second-org' },
  ],
  prod: [
    { id: '0c0c0c0c0c0c0c01', name: 'acme' },
    { id: ORG_ID, name: ORG_NAME },
  ],
};
const CONNECTION_LABEL: Record<Conn, string> = {
  dev: `Connection: dev (${DEV.upstream}). Switch connection`,
  prod: `Connection: prod (${PROD.upstream}, production). Switch connection`,
};
const NOBODYS_ID = 'f00000000000dead';

type Tok = Pick<Authorization, 'id' | 'orgID' | 'description' | 'status'> & { conn: Conn };

interface Model {
  tokens: Tok[];
  /** Every token ID ever used, and one never used: what a drawer URL may name. */
  ids: string[];
  conn: Conn;
  org: number;
  drawer: string | null;
  /** The token whose drawer was opened last, for a link to it under another org. */
  last: { id: string; conn: Conn } | null;
  /** Where the page must be (after any redirect). */
  path: string;
  made: number;
}

type Real = { page: ReturnType<typeof renderApp>; fakes: Record<Conn, FakeInflux> };

type Cmd = fc.AsyncCommand<Model, Real>;

/** Requests the page has sent and not yet had answered, in this sequence. */
let inFlight = new Map<string, string>();
/** How far the page's clock (Date.now, which staleTime reads) is ahead of the real one. */
let skew = 0;
let checks = 0;

/** A list URL; `org` undefined is the connection's default org (/tokens), `alias` names dev as /c/dev. */
function listPath(conn: Conn, org: number | undefined, alias = false) {
  const prefix = conn === 'prod' ? '/c/prod' : alias ? '/c/dev' : '';
  return `${prefix}${org === undefined ? '' : `/orgs/${ORGS[conn][org]!.id}`}/tokens`;
}

const shown = (m: Readonly<Model>) => m.tokens.filter((t) => t.conn === m.conn && t.orgID === ORGS[m.conn][m.org]!.id);

/** A step: `run` acts on the page and the model alike; then the page must match the model. */
function step(name: string, check: (m: Readonly<Model>) => boolean, run: (m: Model, r: Real) => Promise<void>): Cmd {
  return {
    check,
    run: async (m, r) => {
      await run(m, r);
      await expectPage(m, r);
    },
    toString: () => name,
  };
}

async function go(m: Model, r: Real, conn: Conn, org: number | undefined, drawer: string | null, alias = false) {
  const tail = drawer ? `/${drawer}` : '';
  const from = r.page.router.state.location.key;
  await r.page.router.navigate(listPath(conn, org, alias) + tail);
  // Until the router takes it, the DOM still shows the page before (which may well match the model).
  await waitFor(() => expect(r.page.router.state.location.key).not.toBe(from));
  // /c/dev/… leads on to the default connection's own path.
  Object.assign(m, { conn, org: org ?? 0, drawer, path: listPath(conn, org) + tail });
  if (drawer) m.last = { id: drawer, conn };
}

const goTo = (conn: Conn, org: number | undefined, alias: boolean, token?: number) =>
  step(
    `Go(${listPath(conn, org, alias)}${token === undefined ? '' : ` #${token}`})`,
    () => true,
    (m, r) => go(m, r, conn, org, token === undefined ? null : m.ids[token % m.ids.length]!, alias),
  );

/**
 * A token's drawer URL under its own org, its connection's other org, or the other connection's org of that ID.
 * `pick` -1: the token opened last (as when a link names the token a person just looked at, under another org).
 */
type Where = 'own' | 'other org' | 'other connection';
const lastOpened = (m: Readonly<Model>) => m.tokens.find((t) => t.id === m.last?.id && t.conn === m.last.conn);
const open = (pick: number, where: Where) =>
  step(
    `Open(${pick === -1 ? 'last' : pick} under ${where})`,
    (m) => (pick === -1 ? lastOpened(m) !== undefined : m.tokens.length > 0),
    (m, r) => {
      const token = pick === -1 ? lastOpened(m)! : m.tokens[pick % m.tokens.length]!;
      const own = ORGS[token.conn].findIndex((o) => o.id === token.orgID);
      if (where === 'own') return go(m, r, token.conn, own, token.id);
      if (where === 'other org') return go(m, r, token.conn, 1 - own, token.id);
      const there = token.conn === 'dev' ? 'prod' : 'dev';
      return go(
        m,
        r,
        there,
        Math.max(
          0,
          ORGS[there].findIndex((o) => o.id === token.orgID),
        ),
        token.id,
      );
    },
  );

const openFromList = (row: number) =>
  step(
    `OpenFromList(${row})`,
    (m) => m.drawer === null && shown(m).length > 0,
    async (m, r) => {
      const token = shown(m)[row % shown(m).length]!;
      await r.page.user.click(screen.getByRole('button', { name: tokenLabel(token.description) }));
      Object.assign(m, { drawer: token.id, path: `${m.path}/${token.id}`, last: token });
    },
  );

const close = step(
  'Close',
  (m) => m.drawer !== null,
  async (m, r) => {
    await r.page.user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Close' }));
    Object.assign(m, { drawer: null, path: m.path.slice(0, m.path.lastIndexOf('/')) });
  },
);

/** Picks in the header's Org or Connection menu (not over an open drawer, which makes the header inert). */
const pickInHeader = (what: 'org' | 'connection', to: number) =>
  step(
    `Pick(${what} ${to})`,
    (m) => m.drawer === null,
    async (m, r) => {
      const conn = what === 'connection' ? (['dev', 'prod'] as const)[to]! : m.conn;
      await r.page.user.click(screen.getByRole('button', { name: what === 'org' ? /^Org: / : /^Connection: / }));
      const item = what === 'org' ? ORGS[m.conn][to]!.name : new RegExp(`^${conn}`);
      await r.page.user.click(await screen.findByRole('menuitemradio', { name: item }));
      // Another org keeps the view; another connection opens at its default org; the current one stays put.
      if (what === 'org' && to !== m.org) Object.assign(m, { org: to, path: listPath(m.conn, to) });
      if (conn !== m.conn) Object.assign(m, { conn, org: 0, path: listPath(conn, undefined) });
    },
  );

/** A change made elsewhere (the influx CLI, InfluxDB's UI); then time passes and the page refreshes. */
const elsewhere = (kind: 'rename' | 'status' | 'delete' | 'create', pick: number, refresh: 'focus' | 'away') =>
  step(
    `Elsewhere(${kind} ${pick}, ${refresh})`,
    (m) => kind === 'create' || m.tokens.length > 0,
    async (m, r) => {
      const made = ++m.made;
      if (kind === 'create') {
        const conn = (['dev', 'prod'] as const)[pick % 2]!;
        const org = ORGS[conn][(pick >> 1) % 2]!;
        const id = `c${conn === 'dev' ? 'a' : 'b'}${made.toString(16).padStart(14, '0')}`;
        const token: Tok = { id, conn, orgID: org.id, description: `made ${made} in ${conn}`, status: 'active' };
        m.tokens.push(token);
        m.ids.push(id);
        r.fakes[conn].tokens.push(asAuthorization(token));
      } else {
        const token = m.tokens[pick % m.tokens.length]!;
        const fake = r.fakes[token.conn];
        const stored = fake.token(token.id)!;
        if (kind === 'delete') {
          m.tokens.splice(m.tokens.indexOf(token), 1);
          fake.tokens.splice(fake.tokens.indexOf(stored), 1);
        } else {
          if (kind === 'rename') token.description = `renamed ${made} (${token.conn})`;
          else token.status = token.status === 'active' ? 'inactive' : 'active';
          const updatedAt = `2031-01-01T00:00:${String(made).padStart(6, '0')}Z`;
          Object.assign(stored, { description: token.description, status: token.status, updatedAt });
        }
      }
      // Past every staleTime (5 s), as when the person comes back to the page later.
      skew += 6_000;
      if (refresh === 'focus') {
        window.dispatchEvent(new Event('visibilitychange'));
        return;
      }
      // To the connection's other org, and back once it shows (so the list really leaves the page).
      const back = r.page.url();
      await r.page.router.navigate(listPath(m.conn, 1 - m.org));
      await screen.findByRole('button', { name: `Org: ${ORGS[m.conn][1 - m.org]!.name}. Switch org`, hidden: true });
      await r.page.router.navigate(back);
    },
  );

const asAuthorization = ({ conn, ...token }: Tok) =>
  makeToken({ ...token, org: ORGS[conn].find((o) => o.id === token.orgID)!.name });

/** What the page shows of the list: "description|status" per row, sorted ([] while loading or empty). */
function rowsShown(): string[] {
  // By ID: under an open drawer the table is aria-hidden, and so has no accessible name to find it by.
  const table = document.getElementById('token-list');
  return [...(table?.querySelectorAll('[role="row"][data-index]') ?? [])]
    .map((row) => {
      const name = row.querySelector('[data-open-token]')?.getAttribute('aria-label');
      return `${name}|${row.querySelector('.status-badge')?.textContent}`;
    })
    .sort();
}

async function expectPage(m: Readonly<Model>, r: Real) {
  checks++;
  const org = ORGS[m.conn][m.org]!;
  const want = shown(m).map((t) => `${tokenLabel(t.description)}|${t.status === 'active' ? 'Active' : 'Inactive'}`);
  const inDrawer = shown(m).find((t) => t.id === m.drawer);
  await waitFor(() => {
    // The page has taken the last navigation (until then the DOM shows the previous page), and has its answers.
    expect(r.page.router.state.location.pathname).toBe(m.path);
    expect([...inFlight.values()], 'requests still in flight').toEqual([]);
    screen.getByRole('button', { name: CONNECTION_LABEL[m.conn], hidden: true });
    screen.getByRole('button', { name: `Org: ${org.name}. Switch org`, hidden: true });
    expect(rowsShown()).toEqual(want.sort());
    if (want.length === 0) screen.getByText("Looks like there aren't any API tokens yet");
    if (m.drawer === null) return expect(screen.queryByRole('dialog')).toBeNull();
    const dialog = screen.getByRole('dialog');
    if (inDrawer) {
      expect(dialog).toHaveAccessibleName(tokenLabel(inDrawer.description));
      const active = within(dialog).getByRole('switch', { name: 'Active' });
      expect(active).toHaveAttribute('aria-checked', String(inDrawer.status === 'active'));
    } else {
      expect(dialog).toHaveAccessibleName('Token not found');
      for (const t of m.tokens.filter((t) => t.id === m.drawer)) expect(dialog).not.toHaveTextContent(t.description);
    }
  });
}

const { runs, steps, assertOptions } = modelParameters({ runs: 8, steps: 20 });
/** Time for each sequence on two busy cores, and for fast-check to report a shrunk failure before the test's end. */
const TIMEOUT = 30_000 + runs * steps * 1_000;

const conn = fc.constantFrom<Conn>('dev', 'prod');
const org = fc.option(fc.nat(1), { nil: undefined });
/** Tokens to start with: where each lives, its ID (from a few, so the two connections share some), its status. */
const initial = fc.array(fc.record({ conn, org: fc.nat(1), slot: fc.nat(5), active: fc.boolean() }), {
  minLength: 2,
  maxLength: 8,
});
const opens = fc.tuple(fc.nat(20), fc.constantFrom<Where>('own', 'other org', 'other connection'));
const commands = [
  fc.tuple(conn, org, fc.boolean()).map(([c, o, alias]) => goTo(c, o, alias && c === 'dev')),
  fc.tuple(conn, org, fc.nat(20)).map(([c, o, t]) => goTo(c, o, false, t)),
  opens.map(([pick, where]) => open(pick, where)),
  opens.map(([, where]) => open(-1, where)),
  fc.nat(7).map(openFromList),
  fc.constant(close),
  fc.tuple(fc.constantFrom('org' as const, 'connection' as const), fc.nat(1)).map(([w, to]) => pickInHeader(w, to)),
  fc
    .tuple(
      fc.constantFrom('rename' as const, 'status' as const, 'delete' as const, 'create' as const),
      fc.nat(20),
      fc.constantFrom('focus' as const, 'away' as const),
    )
    .map(([kind, pick, refresh]) => elsewhere(kind, pick, refresh)),
];

async function runSequence(
  seed: { conn: Conn; org: number; slot: number; active: boolean }[],
  cmds: Iterable<Cmd>,
  start: Conn,
) {
  const path = listPath(start, undefined);
  const model: Model = { tokens: [], ids: [NOBODYS_ID], conn: start, org: 0, drawer: null, last: null, made: 0, path };
  for (const [i, { conn, org, slot, active }] of seed.entries()) {
    const id = `aaaaaaaaaaaaaa${slot.toString(16).padStart(2, '0')}`;
    if (model.tokens.some((t) => t.conn === conn && t.id === id)) continue;
    const { id: orgID, name } = ORGS[conn][org]!;
    const status = active ? 'active' : 'inactive';
    model.tokens.push({ id, conn, orgID, description: `token ${i} of ${conn}/${name}`, status });
    if (!model.ids.includes(id)) model.ids.push(id);
  }
  const seeded = (c: Conn) => model.tokens.filter((t) => t.conn === c).map(asAuthorization);
  const fakes = {
    dev: new FakeInflux({
      config: { mode: 'influx', upstream: DEV.upstream, connection: 'dev', connections: [DEV, PROD] },
      orgs: ORGS.dev,
      tokens: seeded('dev'),
    }),
    prod: new FakeInflux({ prefix: '/c/prod', orgs: ORGS.prod, tokens: seeded('prod') }),
  };
  inFlight = new Map();
  const real: Real = { page: renderApp(model.path), fakes };
  try {
    await expectPage(model, real);
    await fc.asyncModelRun(() => ({ model, real }), cmds);
  } finally {
    cleanup();
    mswServer.resetHandlers();
    sessionStorage.clear();
  }
}

describe('connection and org scoping of the page’s caches against a model', () => {
  it(
    'shows exactly the tokens of the connection and org in the URL, and a drawer only for its own token',
    async () => {
      const realNow = Date.now.bind(Date);
      const clock = vi.spyOn(Date, 'now').mockImplementation(() => realNow() + skew);
      const started = ({ request, requestId }: { request: Request; requestId: string }) =>
        void inFlight.set(requestId, `${request.method} ${request.url}`);
      const ended = ({ requestId }: { requestId: string }) => void inFlight.delete(requestId);
      mswServer.events.on('request:start', started);
      mswServer.events.on('request:end', ended);
      let sequences = 0;
      try {
        const cmds = fc.commands(commands, { maxCommands: steps, size: 'max', replayPath: process.env.MODEL_REPLAY });
        await fc.assert(
          fc.asyncProperty(initial, cmds, conn, (seed, sequence, start) => {
            sequences++;
            return runSequence(seed, sequence, start);
          }),
          // A failure waits out each check; stop shrinking in time to report the smallest sequence found so far.
          { ...assertOptions, interruptAfterTimeLimit: TIMEOUT - 20_000, markInterruptAsFailure: true },
        );
      } finally {
        clock.mockRestore();
        mswServer.events.removeListener('request:start', started);
        mswServer.events.removeListener('request:end', ended);
      }
      expect(sequences).toBeGreaterThanOrEqual('path' in assertOptions ? 1 : runs);
      console.log(`[model] connection and org scoping: ${sequences} sequences, ${checks} checked steps`);
    },
    TIMEOUT,
  );
});
