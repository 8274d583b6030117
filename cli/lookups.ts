// Lookups shared by the commands: one authorization by ID, org and user names to IDs, the org scope.
import { InfluxApiError } from '../core/influx-client';
import type { Authorization, AuthorizationFilters } from '../core/influx-types';
import type { Connection } from './connection';
import type { CommandContext } from './context';
import { CliError } from './errors';

export async function getAuthorizationOrFail(ctx: CommandContext, id: string): Promise<Authorization> {
  try {
    return await ctx.client.getAuthorization(id);
  } catch (error) {
    if (error instanceof InfluxApiError && error.status === 404) {
      throw new CliError(`authorization ${id} not found (list tokens with \`influx-tokens auth list\`)`);
    }
    throw error;
  }
}

/** Explicit --org-id / --org first, then the default org (INFLUX_ORG_ID, INFLUX_ORG, config org). */
export function orgScope(
  options: { org?: string; orgId?: string },
  connection: Connection,
): Pick<AuthorizationFilters, 'org' | 'orgID'> {
  if (options.orgId) return { orgID: options.orgId };
  if (options.org) return { org: options.org };
  if (connection.defaultOrg?.orgID) return { orgID: connection.defaultOrg.orgID };
  if (connection.defaultOrg?.org) return { org: connection.defaultOrg.org };
  return {};
}

export async function findOrgID(ctx: CommandContext, name: string): Promise<string> {
  const orgs = await ctx.client.listOrgs(name).catch((error: unknown) => {
    if (error instanceof InfluxApiError && error.status === 404) return [];
    throw error;
  });
  const org = orgs.find((candidate) => candidate.name === name);
  if (!org) throw new CliError(`organization "${name}" not found at ${ctx.connection.host}`);
  return org.id;
}

export async function findUserID(ctx: CommandContext, name: string): Promise<string> {
  const users = await ctx.client.listUsers(name).catch((error: unknown) => {
    if (error instanceof InfluxApiError && error.status === 404) return [];
    throw error;
  });
  const user = users.find((candidate) => candidate.name === name);
  if (!user) throw new CliError(`user "${name}" not found at ${ctx.connection.host}`);
  return user.id;
}
