// `expiry --id ID [--in 30d | --at TIME | --never] [--delete-after 7d]`: shows, sets or clears a token's expiry, kept
// by InfluxDB Token Manager's app server (which switches the token off at that time, and deletes it after
// --delete-after if it is still off then). InfluxDB itself has no expiry for these tokens.
import { Command } from 'commander';
import { parseDuration } from '../../core/duration';
import {
  EXPIRY_PATH_PREFIX,
  GOVERNANCE_PATH,
  type Expiry,
  type GovernanceState,
  type SetExpiryBody,
} from '../../core/governance';
import { InfluxApiError, sendInfluxRequest, type PreparedInfluxRequest } from '../../core/influx-client';
import type { ConnectionFlags } from '../connection';
import { connect, type CommandContext, type RunState } from '../context';
import { CliError, usageError } from '../errors';
import { httpFetch } from '../http-fetch';
import { getAuthorizationOrFail } from '../lookups';
import { addConnectionOptions, idOption } from '../options';
import { NOT_THE_CONSOLE } from './audit';

interface ExpiryFlags extends ConnectionFlags {
  id: string;
  in?: string;
  at?: string;
  never?: boolean;
  deleteAfter?: string;
  json?: boolean;
}

export function expiryCommand(state: RunState): Command {
  const command = new Command('expiry')
    .description(
      "Show, set or clear a token's expiry, kept by InfluxDB Token Manager's app server (InfluxDB has none of its own)",
    )
    .addOption(idOption('-i, --id <id>', 'ID of the token').makeOptionMandatory())
    .option('--in <duration>', 'switch it off this long from now (30m, 24h, 7d, 2w)')
    .option('--at <time>', 'switch it off at this time (ISO 8601 with a zone, e.g. 2027-01-31T17:00:00Z)')
    .option('--never', 'clear its expiry (and any deletion planned after it)')
    .option(
      '--delete-after <duration>',
      'also delete it this long after it is switched off, if still off then (alone: for a token already off, from now)',
    )
    .option('--json', 'print the expiry as JSON');
  addConnectionOptions(command);
  return command.action(async (flags: ExpiryFlags) => {
    // Checked before anything is sent: a wrong command line.
    const body = plannedChange(flags, Date.now());
    const ctx = connect(state, flags);
    const token = await getAuthorizationOrFail(ctx, flags.id);
    const expiry = body
      ? await send<Expiry | undefined>(ctx, putRequest(ctx, flags.id, { orgID: token.orgID, ...body }))
      : (
          await send<GovernanceState>(ctx, ctx.client.prepareGet(GOVERNANCE_PATH, { orgID: token.orgID }))
        ).expiries.find((e) => e.tokenID === flags.id);
    if (flags.json) state.io.stdout(`${JSON.stringify(expiry ?? null)}\n`);
    else state.io.stdout(`${expiryText(flags.id, expiry)}\n`);
  });
}

/** The PUT body the flags ask for (without its org), or undefined to only show the expiry. */
function plannedChange(flags: ExpiryFlags, now: number): Omit<SetExpiryBody, 'orgID'> | undefined {
  const chosen = [flags.in !== undefined && '--in', flags.at !== undefined && '--at', flags.never && '--never'].filter(
    Boolean,
  );
  if (chosen.length > 1) throw usageError(`${chosen.join(' and ')} cannot be combined: choose one`);
  if (flags.never && flags.deleteAfter !== undefined)
    throw usageError('--never clears the expiry and any deletion: --delete-after cannot go with it');
  const duration = (name: string, value: string) => {
    const ms = parseDuration(value);
    if (ms === undefined) throw usageError(`${name} "${value}" is not a duration: write 30m, 24h, 7d or 2w`);
    return ms;
  };
  let expiresAt: string | null | undefined;
  if (flags.never) expiresAt = null;
  else if (flags.in !== undefined) expiresAt = new Date(now + duration('--in', flags.in)).toISOString();
  else if (flags.at !== undefined) {
    const at = Date.parse(flags.at);
    if (Number.isNaN(at)) throw usageError(`--at "${flags.at}" is not a date and time: write 2027-01-31T17:00:00Z`);
    // Sent as written: the app server checks that the date exists and is to come.
    expiresAt = flags.at;
  }
  let deleteAt: string | undefined;
  if (flags.deleteAfter !== undefined) {
    const after = duration('--delete-after', flags.deleteAfter);
    const from = typeof expiresAt === 'string' ? Date.parse(expiresAt) : now;
    deleteAt = new Date(from + after).toISOString();
  }
  if (expiresAt === undefined && deleteAt === undefined) return undefined;
  return {
    ...(expiresAt !== undefined && { expiresAt }),
    ...(deleteAt !== undefined && { deleteAt }),
  };
}

function putRequest(ctx: CommandContext, tokenID: string, body: SetExpiryBody): PreparedInfluxRequest {
  const get = ctx.client.prepareGet(`${EXPIRY_PATH_PREFIX}${encodeURIComponent(tokenID)}`);
  return {
    ...get,
    method: 'PUT',
    headers: { ...get.headers, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  };
}

async function send<T>(ctx: CommandContext, request: PreparedInfluxRequest): Promise<T> {
  try {
    return await sendInfluxRequest<T>(request, undefined, ctx.io.fetch ?? httpFetch);
  } catch (error) {
    // A plain InfluxDB (or the stand-in) has no such path; it answers 404 about the path, not the token.
    if (error instanceof InfluxApiError && error.status === 404 && !/was not found in this org/.test(error.message))
      throw new CliError(NOT_THE_CONSOLE);
    throw error;
  }
}

export function expiryText(tokenID: string, expiry: Expiry | undefined): string {
  if (!expiry || expiry.state === 'gone') {
    if (expiry?.deletedAt) return `Token ${tokenID} was deleted by the console at ${expiry.deletedAt}.`;
    return `Token ${tokenID} never expires.`;
  }
  const deletion = expiry.deleteAt ? `; deleted at ${expiry.deleteAt} if still inactive then` : '';
  if (expiry.deletionOnly) return `Token ${tokenID} has no expiry (it was already switched off)${deletion}.`;
  switch (expiry.state) {
    case 'scheduled':
      return `Token ${tokenID} expires at ${expiry.expiresAt} (switched off by the console then)${deletion}.`;
    case 'overdue':
      return `Token ${tokenID} expiry overdue since ${expiry.expiresAt}: ${expiry.lastError ?? 'not switched off yet'}${
        expiry.nextAttemptAt ? ` (next try ${expiry.nextAttemptAt})` : ''
      }${deletion}.`;
    case 'deactivated':
      return `Token ${tokenID} expired: switched off by the console at ${expiry.deactivatedAt ?? expiry.expiresAt}${deletion}.`;
  }
}
