// `auth delete --id ID`: GET (to show what goes, and to say "not found" clearly), then DELETE.
import { Command } from 'commander';
import { printAuths } from '../auth-output';
import type { ConnectionFlags } from '../connection';
import { connect, type RunState } from '../context';
import { getAuthorizationOrFail } from '../lookups';
import { addConnectionOptions, addOutputOptions, idOption, type OutputFlags } from '../options';

interface DeleteFlags extends ConnectionFlags, OutputFlags {
  id: string;
}

export function deleteCommand(state: RunState): Command {
  const command = new Command('delete')
    .description('Delete a token')
    .addOption(idOption('-i, --id <id>', 'ID of the token to delete').makeOptionMandatory());
  addOutputOptions(command);
  addConnectionOptions(command);
  return command.action(async (flags: DeleteFlags) => {
    const ctx = connect(state, flags);
    const auth = await getAuthorizationOrFail(ctx, flags.id);
    await ctx.client.deleteAuthorization(flags.id);
    printAuths(state.io, auth, {
      json: flags.json,
      hideHeaders: flags.hideHeaders,
      deleted: true,
      secretInUse: ctx.connection.token,
    });
  });
}
