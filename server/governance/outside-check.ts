// Changes made outside this console (the influx CLI, InfluxDB's own UI, another console) are found by comparing
// InfluxDB's token list with what the console last knew, and recorded as made outside, with the window in which they
// happened (between the previous check and this one). The first check only learns the list. At 100,000 tokens the
// list is ~50 MB of JSON: it is parsed as it streams in (one chunk at a time) and compared in slices, so the server
// never stops answering for long.
import { JSONParser } from '@streamparser/json';
import { request } from 'undici';
import type { AuditActor } from '../../core/governance';
import type { RecentChanges } from './recent-changes';
import type { GovernanceStore, KnownToken, NewEntry } from './store';

export interface OutsideCheckOptions {
  store: GovernanceStore;
  /** InfluxDB base URL (origin and optional path prefix). */
  upstreamUrl: string;
  serverToken: () => string | undefined;
  timeoutMs: number;
  now?: () => number;
  /** Changes the console began itself: not yet recorded, so not to be taken for outside ones. */
  recent?: RecentChanges;
}

export interface CheckResult {
  /** Tokens InfluxDB listed. */
  listed: number;
  /** Entries recorded (0 on the first check, which only learns the list). */
  recorded: number;
  baseline: boolean;
}

export const OUTSIDE_ACTOR: AuditActor = { kind: 'unknown' };
const SLICE = 250;
const YIELD_EVERY_MS = 10;
/** Parsed at a time: a socket can hand over hundreds of KiB at once, ~100 ms of parsing. */
const PARSE_BYTES = 16 * 1024;

export async function checkOutside(options: OutsideCheckOptions): Promise<CheckResult> {
  const { store } = options;
  const now = options.now ?? Date.now;
  const startedAt = now();
  const previous = store.lastCheck();
  const since = store.outsideSince();
  const listed = await listTokens(options);
  const count = listed.size;
  const window = outsideWindow(since ?? startedAt, startedAt);
  // Tokens left for the next check (the console was changing them): their changes may date back to `since`.
  let passedOver = false;
  const outside = (token: KnownToken, action: NewEntry['action'], change: Partial<NewEntry> = {}): NewEntry => ({
    at: startedAt,
    orgID: token.orgID,
    tokenID: token.tokenID,
    description: token.description,
    action,
    actor: OUTSIDE_ACTOR,
    via: 'outside',
    note: window,
    ...change,
  });

  // InfluxDB lists nothing it will not show the credential (an inactive token gets an empty list, 200): before a
  // token is called gone, InfluxDB is asked about it, and must say it does not exist.
  let goneConfirmed = false;
  const confirmGone = async (tokenID: string) => {
    if (goneConfirmed) return;
    const answer = await request(`${options.upstreamUrl}/api/v2/authorizations/${encodeURIComponent(tokenID)}`, {
      headers: authHeaders(options),
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
    const text = await answer.body.text();
    if (answer.statusCode !== 404)
      throw new Error(
        `token ${tokenID} is missing from the list, but InfluxDB answered ${answer.statusCode} about it (${text.slice(0, 200)}): nothing recorded`,
      );
    goneConfirmed = true;
  };

  let recorded = 0;
  let entries: NewEntry[] = [];
  let seen: KnownToken[] = [];
  let vanished: string[] = [];
  const flush = async () => {
    if (previous === null) entries = [];
    store.applyCheck(entries, seen, vanished, startedAt);
    recorded += entries.length;
    entries = [];
    seen = [];
    vanished = [];
    await yieldToOthers();
  };

  // What the console knew, slice by slice, against what InfluxDB listed.
  for (let after = ''; ;) {
    const slice = store.knownSlice(after, SLICE);
    if (slice.length === 0) break;
    after = slice.at(-1)!.tokenID;
    for (const known of slice) {
      const current = listed.get(known.tokenID);
      listed.delete(known.tokenID);
      // Changed through the console while this check ran (or deleted through it): the console's own entry says it.
      if (known.changedAt > startedAt || known.gone) continue;
      // Being changed through the console: its entry may not be written yet. Compared again at the next check.
      if (options.recent?.tokenSince(known.tokenID, startedAt)) {
        passedOver = true;
        continue;
      }
      if (!current) {
        await confirmGone(known.tokenID);
        entries.push(outside(known, 'disappeared', { before: { status: known.status } }));
        vanished.push(known.tokenID);
        continue;
      }
      if (current.description !== known.description)
        entries.push(
          outside(current, 'rename', {
            before: { description: known.description },
            after: { description: current.description },
          }),
        );
      if (current.status !== known.status)
        entries.push(
          outside(current, current.status === 'inactive' ? 'deactivate' : 'activate', {
            before: { status: known.status },
            after: { status: current.status },
          }),
        );
      if (current.description !== known.description || current.status !== known.status || current.orgID !== known.orgID)
        seen.push(current);
    }
    await flush();
  }
  // Listed, never known: made elsewhere since the last check (or, on the first check, everything there is). While
  // the console creates tokens, a new one may be its own, not recorded yet: those wait for the next check.
  // A new token the console is changing (a lookup showed it the token) gets its "appeared" from the console.
  const creating = previous !== null && options.recent?.createSince(startedAt);
  // A token being created may be changed (even deleted) outside before the console records it: not seen here.
  if (creating) passedOver = true;
  for (const token of listed.values()) {
    if (previous !== null && (creating || options.recent?.tokenSince(token.tokenID, startedAt))) {
      passedOver = true;
      continue;
    }
    entries.push(outside(token, 'appeared', { after: { description: token.description, status: token.status } }));
    seen.push(token);
    if (seen.length >= SLICE) await flush();
  }
  await flush();
  store.purgeGone(startedAt);
  store.setLastCheck(startedAt, passedOver ? since : null);
  return { listed: count, recorded, baseline: previous === null };
}

/** Every token the server-held token may read, as it streams in: id → what the trail follows. */
async function listTokens(options: OutsideCheckOptions): Promise<Map<string, KnownToken>> {
  const response = await request(`${options.upstreamUrl}/api/v2/authorizations`, {
    headers: { ...authHeaders(options), accept: 'application/json' },
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
  });
  if (response.statusCode !== 200) {
    const text = await response.body.text();
    throw new Error(`InfluxDB answered ${response.statusCode} to the token list: ${text.slice(0, 200)}`);
  }
  const tokens = new Map<string, KnownToken>();
  const parser = new JSONParser({ paths: ['$.authorizations.*'], keepStack: false });
  parser.onValue = ({ value }) => {
    const auth = value as Record<string, unknown>;
    if (typeof auth.id !== 'string' || typeof auth.orgID !== 'string') return;
    tokens.set(auth.id, {
      tokenID: auth.id,
      orgID: auth.orgID,
      description: typeof auth.description === 'string' ? auth.description : '',
      status: typeof auth.status === 'string' ? auth.status : 'active',
    });
  };
  // Chunks that arrived while one was parsed are handed over without a turn of the event loop in between: give
  // other requests their turn every few milliseconds.
  let since = performance.now();
  for await (const chunk of response.body) {
    const bytes = chunk as Uint8Array;
    for (let at = 0; at < bytes.length; at += PARSE_BYTES) {
      parser.write(bytes.subarray(at, at + PARSE_BYTES));
      if (performance.now() - since > YIELD_EVERY_MS) {
        await yieldToOthers();
        since = performance.now();
      }
    }
  }
  if (!parser.isEnded) parser.end();
  return tokens;
}

function authHeaders(options: OutsideCheckOptions): Record<string, string> {
  const token = options.serverToken();
  return token ? { authorization: `Token ${token}` } : {};
}

function yieldToOthers(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The note of an entry made outside: the window in which the change happened. */
export function outsideWindow(from: number, to: number): string {
  return `made outside this console between ${iso(from)} and ${iso(to)}`;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * Runs the check now and then every `intervalMs`, and soon after the page lists tokens (at most once a minute), one
 * at a time. Failures are logged and tried again at the next turn.
 */
export class OutsideChecker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private lastRun = 0;
  private stopped = false;

  constructor(private readonly options: OutsideCheckOptions & { intervalMs: number; log: (line: string) => void }) {}

  start(): void {
    this.schedule(0);
  }

  /** The page just listed tokens: look soon, unless a check ran within the last minute. */
  soon(): void {
    if (Date.now() - this.lastRun >= 60_000 && !this.running) this.schedule(1000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), ms);
    this.timer.unref();
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.lastRun = Date.now();
    this.running = checkOutside(this.options)
      .then(
        (result) => {
          if (result.recorded) this.options.log(`audit: ${result.recorded} changes made outside this console recorded`);
        },
        (error: Error) =>
          this.options.log(`audit: the check for changes made outside this console failed: ${error.message}`),
      )
      .finally(() => {
        this.running = undefined;
      });
    await this.running;
    this.schedule(this.options.intervalMs);
  }
}
