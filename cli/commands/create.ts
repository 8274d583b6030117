// `auth create`: a new token with the permissions the flags ask for; prints it once, token string included.
import { Command, Option } from 'commander';
import { allAccessPermissions } from '../../core/permissions';
import { printAuths } from '../auth-output';
import type { ConnectionFlags } from '../connection';
import { connect, type RunState } from '../context';
import { GRANTABLE_TYPES, requestedPermissions, type GrantableType } from '../create-permissions';
import { usageError } from '../errors';
import { findUserID, resolveOrgID } from '../lookups';
import { addConnectionOptions, addOutputOptions, idOption, repeatableIdOption, type OutputFlags } from '../options';

interface CreateFlags extends ConnectionFlags, OutputFlags {
  org?: string;
  orgId?: string;
  user?: string;
  description?: string;
  allAccess?: boolean;
  readBucket?: string[];
  writeBucket?: string[];
  [typeFlag: string]: unknown;
}

export function createCommand(state: RunState): Command {
  const command = new Command('create')
    .description('Create a token; its token string is printed once')
    .option('-o, --org <name>', 'org of the new token (default: INFLUX_ORG, the config org, or the only org)')
    .addOption(idOption('--org-id <id>', 'org ID of the new token (default: INFLUX_ORG_ID)'))
    .option('-u, --user <name>', 'user who owns the new token (default: the user of the token in use)')
    .option('-d, --description <text>', 'description of the new token')
    .option('--all-access', 'read and write on every resource type in the org (like `influx auth create --all-access`)')
    .addOption(repeatableIdOption('--read-bucket <id>', 'read the bucket with this ID (repeatable)'))
    .addOption(repeatableIdOption('--write-bucket <id>', 'write the bucket with this ID (repeatable)'));
  const typeFlags = GRANTABLE_TYPES.map((type) => {
    // orgs and users are not scoped to an org (as in influx), so those flags reach every org / user.
    const where = type === 'orgs' || type === 'users' ? '' : ' in the org';
    const read = new Option(`--read-${type}`, `read all ${type}${where}`);
    const write = new Option(`--write-${type}`, `write all ${type}${where}`);
    command.addOption(read).addOption(write);
    return { type, read: read.attributeName(), write: write.attributeName() };
  });
  addOutputOptions(command);
  addConnectionOptions(command);

  return command.action(async (flags: CreateFlags) => {
    const readBuckets = flags.readBucket ?? [];
    const writeBuckets = flags.writeBucket ?? [];
    const readTypes = typeFlags.filter((f) => flags[f.read] === true).map((f) => f.type as GrantableType);
    const writeTypes = typeFlags.filter((f) => flags[f.write] === true).map((f) => f.type as GrantableType);
    const specific = readBuckets.length + writeBuckets.length + readTypes.length + writeTypes.length;
    if (flags.allAccess && specific > 0)
      throw usageError('--all-access already grants everything: do not combine it with other permission flags');
    if (!flags.allAccess && specific === 0) {
      throw usageError(
        'no permissions given: add --all-access, --read-bucket ID, --write-bucket ID, or --read-<type> / --write-<type> flags (see --help)',
      );
    }

    const ctx = connect(state, flags);
    const orgID = await resolveOrgID(ctx, flags);
    const userID = flags.user ? await findUserID(ctx, flags.user) : undefined;
    const permissions = flags.allAccess
      ? allAccessPermissions(GRANTABLE_TYPES, orgID, userID ?? (await ctx.client.me()).id)
      : requestedPermissions({ orgID, readBuckets, writeBuckets, readTypes, writeTypes });
    const created = await ctx.client.createAuthorization({
      orgID,
      userID,
      description: flags.description,
      permissions,
    });
    printAuths(state.io, created, {
      json: flags.json,
      hideHeaders: flags.hideHeaders,
      secretInUse: ctx.connection.token,
    });
  });
}
