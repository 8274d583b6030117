// With AUDIT_BUCKET set, every trail entry is also written into that bucket of the user's own InfluxDB as line
// protocol (POST /api/v2/write), so the trail lives where their other data does (replicated on Cloud, queryable with
// their tools). The store remembers the last entry InfluxDB took; entries after it are sent in order, in batches,
// again after a failure (with backoff) until InfluxDB takes them. A point is named by its series and its timestamp,
// the entry's time in ns plus its sequence number, so sending one twice (after a crash) writes it once.
import { request } from 'undici';
import type { AuditEntry } from '../../core/governance';
import type { GovernanceStore } from './store';

export interface BucketCopyOptions {
  store: GovernanceStore;
  upstreamUrl: string;
  serverToken: () => string | undefined;
  bucket: string;
  timeoutMs: number;
  log: (line: string) => void;
  /** Entries per write. Default 500. */
  batch?: number;
}

export const AUDIT_MEASUREMENT = 'token_audit';
const MAX_BACKOFF_MS = 5 * 60_000;

/** One entry as a line: token_audit,org_id=…,token_id=…,action=…,via=…,actor_kind=… description="…",… <ns>. */
export function auditLine(entry: AuditEntry): string {
  const tags = [
    ['org_id', entry.orgID],
    ['token_id', entry.tokenID],
    ['action', entry.action],
    ['via', entry.via],
    ['actor_kind', entry.actor.kind],
  ]
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `${key}=${escapeTag(value!)}`)
    .join(',');
  const fields = [
    `description=${fieldString(entry.description)}`,
    `actor=${fieldString(JSON.stringify(entry.actor))}`,
    ...(entry.before ? [`before=${fieldString(JSON.stringify(entry.before))}`] : []),
    ...(entry.after ? [`after=${fieldString(JSON.stringify(entry.after))}`] : []),
    ...(entry.note ? [`note=${fieldString(entry.note)}`] : []),
    `seq=${entry.seq}i`,
  ].join(',');
  // The sequence number within the millisecond keeps two entries of one ms apart (and one entry sent twice one).
  const ns = BigInt(Date.parse(entry.at)) * 1_000_000n + BigInt(entry.seq % 1_000_000);
  return `${AUDIT_MEASUREMENT},${tags} ${fields} ${ns}`;
}

/** Tag values here are IDs and names of kinds (no line breaks): commas, equals signs and spaces are escaped. */
function escapeTag(value: string): string {
  return value.replace(/[\\,= ]/g, (c) => `\\${c}`);
}

/** A string field: quotes and backslashes escaped; a line break may stand as it is inside the quotes. */
function fieldString(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

export class BucketCopy {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private failures = 0;
  private stopped = false;

  constructor(private readonly options: BucketCopyOptions) {}

  start(): void {
    this.schedule(0);
  }

  /** New entries were recorded: send them soon (unless waiting out a failure). */
  poke(): void {
    if (this.failures === 0 && !this.running) this.schedule(100);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Sends every entry not yet in the bucket; throws on the first batch InfluxDB does not take. */
  async sendPending(): Promise<number> {
    const { store } = this.options;
    let sent = 0;
    for (;;) {
      const entries = store.entriesAfter(store.exported(), this.options.batch ?? 500);
      if (entries.length === 0) return sent;
      // One write per org: a point goes to the bucket of its own org.
      for (const orgID of new Set(entries.map((e) => e.orgID)))
        await this.write(
          orgID,
          entries.filter((e) => e.orgID === orgID),
        );
      store.setExported(entries.at(-1)!.seq);
      sent += entries.length;
    }
  }

  private async write(orgID: string, entries: AuditEntry[]): Promise<void> {
    const { upstreamUrl, bucket, timeoutMs } = this.options;
    const token = this.options.serverToken();
    const query = new URLSearchParams({ orgID, bucket, precision: 'ns' });
    const response = await request(`${upstreamUrl}/api/v2/write?${query}`, {
      method: 'POST',
      headers: { ...(token && { authorization: `Token ${token}` }), 'content-type': 'text/plain; charset=utf-8' },
      body: entries.map(auditLine).join('\n'),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const text = await response.body.text();
    if (response.statusCode !== 204) {
      const message = (() => {
        try {
          return (JSON.parse(text) as { message?: string }).message ?? text;
        } catch {
          return text;
        }
      })();
      throw new Error(`InfluxDB answered ${response.statusCode} to the write into bucket “${bucket}”: ${message}`);
    }
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), ms);
    this.timer.unref();
  }

  private async run(): Promise<void> {
    if (this.running) return;
    let next = 30_000;
    this.running = this.sendPending()
      .then(
        () => {
          this.failures = 0;
        },
        (error: Error) => {
          this.failures++;
          next = Math.min(1000 * 2 ** this.failures, MAX_BACKOFF_MS);
          this.options.log(
            `audit: copying the trail into InfluxDB failed (tried again in ${next / 1000} s): ${error.message}`,
          );
        },
      )
      .finally(() => {
        this.running = undefined;
      });
    await this.running;
    this.schedule(next);
  }
}
