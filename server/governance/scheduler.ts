// Expiry is a scheduled deactivation: when a token's time comes, the app server switches it off in InfluxDB and
// records that in the trail. Only where the person asked for it (rotate's grace period, then delete) is the token
// deleted later, and only if it is still inactive then: switching it back on (a client was missed) keeps it. Due work is read from the store each time, so a restart, or a stop long
// enough to miss the time, only means the work is done at the next start ("caught up"). When InfluxDB does not take
// the change, the token stays due ("expiry overdue") and is tried again with backoff: 1 s, 2 s, 4 s … 5 min.
import type { AuditActor } from '../../core/governance';
import type { ExpiryRow, GovernanceStore } from './store';

/** What InfluxDB did with the deactivation: done, or the token no longer exists. Throws when it did not answer. */
export type Deactivate = (tokenID: string) => Promise<'done' | 'gone'>;
/** Deletes the token if it is still inactive: done, gone (no longer exists), or active (kept). Throws likewise. */
export type DeleteIfInactive = (tokenID: string) => Promise<'done' | 'gone' | 'active'>;

export interface SchedulerOptions {
  store: GovernanceStore;
  deactivate: Deactivate;
  deleteIfInactive: DeleteIfInactive;
  now?: () => number;
  /** When this server started: work due before it was missed while the console was not running. */
  startedAt?: number;
  /** The longest wait between looks at the store (a set from another process shows up by then). Default 60 s. */
  maxSleepMs?: number;
  log?: (line: string) => void;
}

export const SCHEDULER_ACTOR: AuditActor = { kind: 'console', description: 'expiry scheduler' };
const MAX_BACKOFF_MS = 5 * 60_000;

export function backoffMs(failures: number): number {
  return Math.min(1000 * 2 ** Math.max(0, failures - 1), MAX_BACKOFF_MS);
}

export class ExpiryScheduler {
  private readonly now: () => number;
  private readonly startedAt: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(private readonly options: SchedulerOptions) {
    this.now = options.now ?? Date.now;
    this.startedAt = options.startedAt ?? this.now();
  }

  /** Carries out every deactivation due now, one after another. Concurrent calls share one run. */
  runDue(): Promise<void> {
    this.running ??= this.runOnce().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  start(): void {
    this.stopped = false;
    this.wake();
  }

  /** Looks again now (after an expiry was set or changed). */
  wake(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private async tick(): Promise<void> {
    try {
      await this.runDue();
    } catch (error) {
      this.options.log?.(`expiry: ${(error as Error).message}`);
    }
    if (this.stopped) return;
    const next = this.options.store.nextDue();
    const maxSleep = this.options.maxSleepMs ?? 60_000;
    const wait = next === null ? maxSleep : Math.min(Math.max(next - this.now(), 0), maxSleep);
    this.timer = setTimeout(() => void this.tick(), wait);
    this.timer.unref();
  }

  private async runOnce(): Promise<void> {
    const { store, deactivate } = this.options;
    for (const expiry of store.due(this.now())) {
      if (expiry.nextAttemptAt > this.now()) continue;
      const known = store.known(expiry.tokenID);
      const base = {
        orgID: expiry.orgID,
        tokenID: expiry.tokenID,
        description: known?.description ?? '',
        action: 'expiry-fired' as const,
        actor: SCHEDULER_ACTOR,
        via: 'scheduled' as const,
      };
      const notes = this.attemptNotes(expiry, expiry.expiresAt);
      const outcome = await this.attempt(expiry, 'deactivate', () => deactivate(expiry.tokenID));
      if (outcome === undefined) continue;
      const at = this.now();
      if (outcome === 'gone') {
        notes.push('the token no longer existed; nothing to deactivate');
        store.record([{ ...base, at, note: notes.join('; ') }], null, expiry.tokenID, at);
        continue;
      }
      store.markDeactivated(expiry.tokenID, at, {
        ...base,
        at,
        before: { status: known?.status ?? 'active' },
        after: { status: 'inactive' },
        note: notes.length ? notes.join('; ') : undefined,
      });
      if (known) store.record([], { ...known, status: 'inactive' }, undefined, at);
    }
    await this.runDeletions();
  }

  /** What the entry notes about this attempt: caught up after a stop, or after failed attempts. */
  private attemptNotes(expiry: ExpiryRow, dueAt: number): string[] {
    const notes: string[] = [];
    if (dueAt < this.startedAt && expiry.attempts === 0)
      notes.push(`caught up at start: due at ${new Date(dueAt).toISOString()} while the console was not running`);
    if (expiry.attempts > 0) notes.push(`after ${expiry.attempts} failed attempt${expiry.attempts === 1 ? '' : 's'}`);
    return notes;
  }

  /** InfluxDB's outcome, or undefined when it did not answer (the failure is kept, and tried again after backoff). */
  private async attempt<T>(expiry: ExpiryRow, what: string, run: () => Promise<T>): Promise<T | undefined> {
    try {
      return await run();
    } catch (error) {
      const message = (error as Error).message;
      this.options.store.markFailed(expiry.tokenID, this.now() + backoffMs(expiry.attempts + 1), message);
      this.options.log?.(`expiry: could not ${what} ${expiry.tokenID}: ${message}`);
      return undefined;
    }
  }

  private async runDeletions(): Promise<void> {
    const { store, deleteIfInactive } = this.options;
    for (const expiry of store.dueDeletions(this.now())) {
      if (expiry.nextAttemptAt > this.now() || expiry.deleteAt === null) continue;
      const deleteAt = new Date(expiry.deleteAt).toISOString();
      const notes = this.attemptNotes(expiry, expiry.deleteAt);
      const outcome = await this.attempt(expiry, 'delete', () => deleteIfInactive(expiry.tokenID));
      if (outcome === undefined) continue;
      const at = this.now();
      const entry = {
        at,
        orgID: expiry.orgID,
        tokenID: expiry.tokenID,
        description: store.known(expiry.tokenID)?.description ?? '',
        actor: SCHEDULER_ACTOR,
        via: 'scheduled' as const,
      };
      if (outcome === 'done') {
        notes.unshift('deleted at the end of its grace period');
        store.markDeleted(expiry.tokenID, at, {
          ...entry,
          action: 'delete',
          before: { status: 'inactive' },
          note: notes.join('; '),
        });
        continue;
      }
      notes.unshift(
        outcome === 'active'
          ? 'not deleted: the token was switched back on during its grace period'
          : 'the token no longer existed; nothing to delete',
      );
      store.setDeletion(expiry.tokenID, null, {
        ...entry,
        action: 'expiry-cleared',
        before: { deletion: deleteAt },
        after: { deletion: 'never' },
        note: notes.join('; '),
      });
      if (outcome === 'gone') store.record([], null, expiry.tokenID, at);
    }
  }
}
