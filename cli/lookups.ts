// Lookups shared by the commands: one authorization by ID, org and user names to IDs, the org scope and the one org.
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

/**
 * The ID of one org or user by name. InfluxDB answers a name filter with that one item, unpaged, or 404 for an
 * unknown name; one the token may not read comes back as an empty list.
 */
async function idByName(
  ctx: CommandContext,
  lookup: Promise<{ id: string; name: string }[]>,
  what: 'organization' | 'user',
  name: string,
): Promise<string> {
  const found = await lookup.catch((error: unknown) => {
    if (error instanceof InfluxApiError && error.status === 404) return [];
    throw error;
  });
  const match = found.find((candidate) => candidate.name === name);
  if (!match) throw new CliError(`${what} "${name}" not found at ${ctx.connection.host}`);
  return match.id;
}

export const findOrgID = (ctx: CommandContext, name: string) =>
  idByName(ctx, ctx.client.listOrgs(name), 'organization', name);

export const findUserID = (ctx: CommandContext, name: string) =>
  idByName(ctx, ctx.client.listUsers(name), 'user', name);

/**
 * The one org a command acts on: --org-id, --org, then the default org (INFLUX_ORG_ID, INFLUX_ORG, config org),
 * else the only org in sight (the stand-in's my-org, a fresh OSS install).
 */
export async function resolveOrgID(ctx: CommandContext, flags: { org?: string; orgId?: string }): Promise<string> {
  if (flags.orgId) return flags.orgId;
  if (flags.org) return findOrgID(ctx, flags.org);
  const fallback = ctx.connection.defaultOrg;
  if (fallback?.orgID) return fallback.orgID;
  if (fallback?.org) return findOrgID(ctx, fallback.org);
  const orgs = await ctx.client.listEveryOrg();
  if (orgs.length === 1 && orgs[0]) return orgs[0].id;
  throw new CliError(`which org? ${orgs.length} orgs are visible: pass --org NAME or --org-id ID, or set INFLUX_ORG`);
}
