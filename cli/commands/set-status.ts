// `auth active` / `auth inactive`: one token by --id (GET then PATCH, as influx does), or every token a filter matches.
import { Command } from 'commander';
import type { AuthorizationStatus } from '../../core/influx-types';
import { printAuths } from '../auth-output';
import { setStatusByFilter, type BulkFilter } from '../bulk-status';
import type { ConnectionFlags } from '../connection';
import { connect, type RunState } from '../context';
import { usageError } from '../errors';
import { getAuthorizationOrFail, orgScope } from '../lookups';
import { addConnectionOptions, addOutputOptions, idOption, type OutputFlags } from '../options';

interface StatusFlags extends ConnectionFlags, OutputFlags {
  id?: string;
  user?: string;
  userId?: string;
  org?: string;
  orgId?: string;
  descriptionContains?: string;
  yes?: boolean;
}

export function setStatusCommand(state: RunState, target: AuthorizationStatus): Command {
  const verb = target === 'active' ? 'Activate' : 'Deactivate';
  const command = new Command(target)
    .description(`${verb} one token by --id, or every token a filter matches (asks first, or needs --yes)`)
    .addOption(idOption('-i, --id <id>', `${verb.toLowerCase()} the token with this ID`))
    .option('-u, --user <name>', 'filter: tokens of this user')
    .addOption(idOption('--user-id <id>', 'filter: tokens of this user ID'))
    .option('-o, --org <name>', 'filter: tokens in this org')
    .addOption(idOption('--org-id <id>', 'filter: tokens in this org ID'))
    .option('--description-contains <text>', 'filter: tokens whose description contains this text (any case)')
    .option('-y, --yes', 'do not ask for confirmation (required when stdin is not a terminal)');
  addOutputOptions(command);
  addConnectionOptions(command);
  return command.action(async (flags: StatusFlags) => {
    const filtered = [flags.user, flags.userId, flags.org, flags.orgId, flags.descriptionContains].some(
      (v) => v !== undefined,
    );
    if (flags.id && filtered)
      throw usageError(
        'give either --id or filter flags (--user, --user-id, --org, --org-id, --description-contains), not both',
      );
    if (!flags.id && !filtered) {
      throw usageError(
        `say which tokens to ${verb.toLowerCase()}: --id ID, or a filter such as --user NAME (see --help)`,
      );
    }
    if (!flags.id && flags.json) throw usageError('--json prints a single token: use it with --id');

    const ctx = connect(state, flags);
    if (flags.id) {
      await getAuthorizationOrFail(ctx, flags.id);
      const updated = await ctx.client.updateAuthorization(flags.id, { status: target });
      printAuths(state.io, updated, {
        json: flags.json,
        hideHeaders: flags.hideHeaders,
        secretInUse: ctx.connection.token,
      });
      return;
    }
    state.exitCode = await setStatusByFilter(ctx, target, describeFilter(flags, ctx.connection), Boolean(flags.yes));
  });
}

function describeFilter(flags: StatusFlags, connection: Parameters<typeof orgScope>[1]): BulkFilter {
  const org = orgScope(flags, connection);
  const parts = [
    flags.userId ? `of user ID ${flags.userId}` : flags.user ? `of ${flags.user}` : undefined,
    org.orgID ? `in org ID ${org.orgID}` : org.org ? `in org ${org.org}` : undefined,
    flags.descriptionContains !== undefined ? `whose description contains "${flags.descriptionContains}"` : undefined,
  ];
  return {
    server: { user: flags.user, userID: flags.userId, ...org },
    descriptionContains: flags.descriptionContains,
    phrase: parts.filter(Boolean).join(' '),
  };
}
