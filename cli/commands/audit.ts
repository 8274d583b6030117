// `audit`: the trail of changes kept by InfluxDB Token Manager's app server (GET /api/app/activity), newest first,
// every page of it; as a table, or JSON Lines with --json.
import { Command } from 'commander';
import { ACTIVITY_PATH, type ActivityPage, type AuditEntry } from '../../core/governance';
import { InfluxApiError, sendInfluxRequest } from '../../core/influx-client';
import { parseSince, renderAuditJsonLines, renderAuditTable } from '../audit-output';
import type { ConnectionFlags } from '../connection';
import { connect, type CommandContext, type RunState } from '../context';
import { CliError } from '../errors';
import { httpFetch } from '../http-fetch';
import { resolveOrgID } from '../lookups';
import { addConnectionOptions, idOption } from '../options';

interface AuditFlags extends ConnectionFlags {
  tokenId?: string;
  since?: string;
  org?: string;
  orgId?: string;
  json?: boolean;
}

/** Entries asked for per request. */
const PAGE_LIMIT = 500;

export const NOT_THE_CONSOLE =
  "The audit trail is kept by InfluxDB Token Manager's app server; point --host at it (e.g. http://127.0.0.1:5173)";

export function auditCommand(state: RunState): Command {
  const command = new Command('audit')
    .description("Print the audit trail of token changes kept by InfluxDB Token Manager's app server, newest first")
    .addOption(idOption('--token-id <id>', "only this token's entries"))
    .option('--since <when>', 'only entries since a duration ago (30m, 24h, 7d, 2w) or a date (2024-05-01)')
    .option('-o, --org <name>', 'org whose trail to print (default: INFLUX_ORG, the config org, or the only org)')
    .addOption(idOption('--org-id <id>', 'org ID whose trail to print (default: INFLUX_ORG_ID)'))
    .option('--json', 'print JSON Lines: one audit entry per line');
  addConnectionOptions(command);
  return command.action(async (flags: AuditFlags) => {
    // Checked before anything is sent: a bad --since is a wrong command line.
    const since = flags.since === undefined ? undefined : parseSince(flags.since, Date.now());
    const ctx = connect(state, flags);
    const orgID = await resolveOrgID(ctx, flags);
    const entries = await readTrail(ctx, { orgID, tokenID: flags.tokenId, since });
    if (flags.json) state.io.stdout(renderAuditJsonLines(entries));
    else if (entries.length === 0) state.io.stdout('No audit entries found.\n');
    else state.io.stdout(renderAuditTable(entries));
  });
}

/** Every page, following `next`; a server that does not move its cursor back is an error, not an endless loop. */
async function readTrail(
  ctx: CommandContext,
  query: { orgID: string; tokenID?: string; since?: string },
): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  let before: number | undefined;
  for (;;) {
    const page = await readPage(ctx, { ...query, before: before === undefined ? undefined : String(before) });
    entries.push(...page.entries);
    if (page.next === undefined) return entries;
    if (before !== undefined && page.next >= before) {
      throw new CliError(`the app server at ${ctx.connection.host} sent the same page twice (next=${page.next})`);
    }
    before = page.next;
  }
}

async function readPage(ctx: CommandContext, query: Record<string, string | undefined>): Promise<ActivityPage> {
  const request = ctx.client.prepareGet(ACTIVITY_PATH, { ...query, limit: String(PAGE_LIMIT) });
  try {
    return await sendInfluxRequest<ActivityPage>(request, undefined, ctx.io.fetch ?? httpFetch);
  } catch (error) {
    // A plain InfluxDB (or the stand-in) has no such path.
    if (error instanceof InfluxApiError && error.status === 404) throw new CliError(NOT_THE_CONSOLE);
    throw error;
  }
}
