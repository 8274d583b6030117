// Activates or deactivates every token a filter matches: list, confirm, change with bounded concurrency, report.
import { InfluxApiError } from '../core/influx-client';
import type { Authorization, AuthorizationFilters, AuthorizationStatus } from '../core/influx-types';
import { runBounded } from '../core/run-bounded';
import { isSecretInUse, renderAuthTable } from './auth-output';
import { confirm } from './confirm';
import type { CommandContext } from './context';
import { CliError, EXIT_FAILURE } from './errors';
import { shortApiError } from './explain-error';

export const BULK_CONCURRENCY = 8;
/** Rows shown before the confirmation question; the count in the question covers the rest. */
const PREVIEW_ROWS = 20;

export interface BulkFilter {
  server: AuthorizationFilters;
  descriptionContains?: string;
  /** How the filter reads in a sentence: "of user2 in org my-org". */
  phrase: string;
}

type Outcome = { kind: 'ok' } | { kind: 'failed'; reason: string };

const WORDS: Record<AuthorizationStatus, { verb: string; done: string }> = {
  active: { verb: 'Activate', done: 'activated' },
  inactive: { verb: 'Deactivate', done: 'deactivated' },
};

/** Returns the exit code: 0 when every change succeeded, 1 when any failed. */
export async function setStatusByFilter(
  ctx: CommandContext,
  target: AuthorizationStatus,
  filter: BulkFilter,
  yes: boolean,
): Promise<number> {
  const { io } = ctx;
  const words = WORDS[target];
  const needle = filter.descriptionContains?.toLowerCase();
  const matching = (await ctx.client.listAuthorizations(filter.server)).filter(
    (auth) => needle === undefined || auth.description.toLowerCase().includes(needle),
  );
  const already = matching.filter((auth) => auth.status === target).length;
  // Changing the token this command authenticates with would cut off the rest of the run.
  const self = matching.filter((auth) => auth.status !== target && isSecretInUse(auth, ctx.connection.token));
  const targets = matching.filter((auth) => auth.status !== target && !self.includes(auth));
  const alreadyNote = already > 0 ? ` (${already} already ${target})` : '';

  for (const auth of self) {
    io.stdout(
      `${auth.id}  skipped: it is the token this command authenticates with (use --id to change it on purpose)\n`,
    );
  }
  if (targets.length === 0) {
    io.stdout(`No tokens ${filter.phrase} to ${words.verb.toLowerCase()}${alreadyNote}.\n`);
    return 0;
  }

  const count = `${targets.length} token${targets.length === 1 ? '' : 's'}`;
  if (!yes) {
    if (!io.stdinIsTTY) {
      throw new CliError(
        `refusing to ${words.verb.toLowerCase()} ${count} ${filter.phrase} without confirmation: stdin is not a terminal. Add --yes to confirm.`,
        EXIT_FAILURE,
      );
    }
    io.stderr(renderAuthTable(targets.slice(0, PREVIEW_ROWS), { secretInUse: ctx.connection.token }));
    if (targets.length > PREVIEW_ROWS) io.stderr(`... and ${targets.length - PREVIEW_ROWS} more\n`);
    if (!(await confirm(io, `${words.verb} ${count} ${filter.phrase}?${alreadyNote}`))) {
      throw new CliError('cancelled: nothing was changed', EXIT_FAILURE);
    }
  }

  const outcomes: (Outcome | undefined)[] = [];
  let printed = 0;
  // Lines come out in list order, each as soon as it and every earlier one has finished.
  const flush = () => {
    while (printed < targets.length && outcomes[printed]) {
      const auth = targets[printed] as Authorization;
      const outcome = outcomes[printed] as Outcome;
      io.stdout(`${auth.id}  ${outcome.kind === 'ok' ? 'ok' : `failed: ${outcome.reason}`}\n`);
      printed++;
    }
  };
  await runBounded(targets, BULK_CONCURRENCY, async (auth, index) => {
    try {
      await ctx.client.updateAuthorization(auth.id, { status: target });
      outcomes[index] = { kind: 'ok' };
    } catch (error) {
      const reason = error instanceof InfluxApiError ? shortApiError(error, ctx.connection) : String(error);
      outcomes[index] = { kind: 'failed', reason };
    }
    flush();
  });

  const failed = outcomes.filter((outcome) => outcome?.kind === 'failed').length;
  const skipped = self.length > 0 ? `, ${self.length} skipped` : '';
  io.stdout(`${targets.length - failed} ${words.done}, ${failed} failed${skipped}\n`);
  if (failed > 0)
    io.stderr(
      `Error: ${failed} of ${targets.length} tokens could not be ${words.done}; the token used came from ${ctx.connection.tokenSource}.\n`,
    );
  return failed > 0 ? EXIT_FAILURE : 0;
}
