// `auth list` (ls, find): tokens filtered like `influx auth list`, plus a client-side --status filter, and
// --all-orgs for auditing a whole instance: every org's tokens, grouped by org, with the org named.
import { Command, Option } from 'commander';
import type { Authorization, AuthorizationStatus } from '../../core/influx-types';
import { printAuths } from '../auth-output';
import type { ConnectionFlags } from '../connection';
import { connect, type RunState } from '../context';
import { usageError } from '../errors';
import { getAuthorizationOrFail, orgScope } from '../lookups';
import { addConnectionOptions, addOutputOptions, idOption, type OutputFlags } from '../options';

interface ListFlags extends ConnectionFlags, OutputFlags {
  id?: string;
  user?: string;
  userId?: string;
  org?: string;
  orgId?: string;
  status?: AuthorizationStatus;
  allOrgs?: boolean;
}

/** Grouped by org name; within an org, the server's order (creation order). */
const byOrgName = (a: Authorization, b: Authorization) => (a.org < b.org ? -1 : a.org > b.org ? 1 : 0);

export function listCommand(state: RunState): Command {
  const command = new Command('list')
    .aliases(['ls', 'find'])
    .description('List tokens (authorizations)')
    .addOption(idOption('-i, --id <id>', 'only the token with this ID'))
    .option('-u, --user <name>', 'only tokens of this user')
    .addOption(idOption('--user-id <id>', 'only tokens of this user ID'))
    .option('-o, --org <name>', 'only tokens in this org (default: INFLUX_ORG or the config org)')
    .addOption(idOption('--org-id <id>', 'only tokens in this org ID (default: INFLUX_ORG_ID)'))
    .addOption(new Option('--status <status>', 'only active or only inactive tokens').choices(['active', 'inactive']))
    .option(
      '--all-orgs',
      "every org's tokens the token may read (an operator token: all), grouped by org, with an Org column; " +
        'ignores INFLUX_ORG and the config org; not with --org or --org-id',
    );
  addOutputOptions(command);
  addConnectionOptions(command);
  return command.action(async (flags: ListFlags) => {
    if (flags.allOrgs && (flags.org || flags.orgId))
      throw usageError('--all-orgs lists every org: do not combine it with --org or --org-id');
    const ctx = connect(state, flags);
    const output = {
      json: flags.json,
      hideHeaders: flags.hideHeaders,
      secretInUse: ctx.connection.token,
      withOrg: flags.allOrgs,
    };
    const keep = (auth: Authorization) => !flags.status || auth.status === flags.status;
    if (flags.id) {
      const auth = await getAuthorizationOrFail(ctx, flags.id);
      // One ID prints one object, as influx does; with --status it is a (possibly empty) list.
      printAuths(state.io, flags.status ? [auth].filter(keep) : auth, output);
      return;
    }
    // Unfiltered by org, InfluxDB lists every token the caller may read, of every org (authorizer's
    // AuthorizeFindAuthorizations): one request, and it needs no right to list orgs.
    const auths = await ctx.client.listAuthorizations({
      user: flags.user,
      userID: flags.userId,
      ...(flags.allOrgs ? {} : orgScope(flags, ctx.connection)),
    });
    const kept = auths.filter(keep);
    printAuths(state.io, flags.allOrgs ? kept.sort(byOrgName) : kept, output);
  });
}
