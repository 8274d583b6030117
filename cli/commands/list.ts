// `auth list` (ls, find): tokens filtered like `influx auth list`, plus a client-side --status filter.
import { Command, Option } from 'commander';
import type { Authorization, AuthorizationStatus } from '../../core/influx-types';
import { printAuths } from '../auth-output';
import type { ConnectionFlags } from '../connection';
import { connect, type RunState } from '../context';
import { getAuthorizationOrFail, orgScope } from '../lookups';
import { addConnectionOptions, addOutputOptions, idOption, type OutputFlags } from '../options';

interface ListFlags extends ConnectionFlags, OutputFlags {
  id?: string;
  user?: string;
  userId?: string;
  org?: string;
  orgId?: string;
  status?: AuthorizationStatus;
}

export function listCommand(state: RunState): Command {
  const command = new Command('list')
    .aliases(['ls', 'find'])
    .description('List tokens (authorizations)')
    .addOption(idOption('-i, --id <id>', 'only the token with this ID'))
    .option('-u, --user <name>', 'only tokens of this user')
    .addOption(idOption('--user-id <id>', 'only tokens of this user ID'))
    .option('-o, --org <name>', 'only tokens in this org (default: INFLUX_ORG or the config org)')
    .addOption(idOption('--org-id <id>', 'only tokens in this org ID (default: INFLUX_ORG_ID)'))
    .addOption(new Option('--status <status>', 'only active or only inactive tokens').choices(['active', 'inactive']));
  addOutputOptions(command);
  addConnectionOptions(command);
  return command.action(async (flags: ListFlags) => {
    const ctx = connect(state, flags);
    const output = { json: flags.json, hideHeaders: flags.hideHeaders, secretInUse: ctx.connection.token };
    const keep = (auth: Authorization) => !flags.status || auth.status === flags.status;
    if (flags.id) {
      const auth = await getAuthorizationOrFail(ctx, flags.id);
      // One ID prints one object, as influx does; with --status it is a (possibly empty) list.
      printAuths(state.io, flags.status ? [auth].filter(keep) : auth, output);
      return;
    }
    const auths = await ctx.client.listAuthorizations({
      user: flags.user,
      userID: flags.userId,
      ...orgScope(flags, ctx.connection),
    });
    printAuths(state.io, auths.filter(keep), output);
  });
}
