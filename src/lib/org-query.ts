// Which org the page shows. Under /orgs/<orgID>/… it is that org; under /tokens, /activity and /cleanup it is the
// default one: the configured org by name, else the first org the token can see (the behaviour before orgs had URLs).
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { InfluxApiError, type InfluxClient } from '../../core/influx-client';
import { useConnectionPrefix } from './connections';
import { useSession } from './session/session-context';

/** One key shape for both ways of naming the org, so the page holds either query the same way. */
type OrgKey = readonly ['org', 'name' | 'id', string];

export function orgQuery(client: InfluxClient, orgName: string | null) {
  return queryOptions({
    queryKey: ['org', 'name', orgName ?? ''] as OrgKey,
    queryFn: async () => {
      const [org] = await client.listOrgs(orgName ?? undefined);
      if (!org) {
        throw new InfluxApiError(
          404,
          'not found',
          orgName
            ? `Organization “${orgName}” was not found. Check INFLUX_ORG.`
            : 'This token cannot see any organization. Use a token with read access to an org.',
        );
      }
      return org;
    },
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

/** The org an /orgs/<orgID>/… URL names. InfluxDB answers 400 for a malformed ID and 404 for one it does not know. */
export function orgByIdQuery(client: InfluxClient, orgID: string) {
  return queryOptions({
    queryKey: ['org', 'id', orgID] as OrgKey,
    queryFn: async ({ signal }) => {
      try {
        return await client.getOrg(orgID, signal);
      } catch (error) {
        if (error instanceof InfluxApiError && (error.status === 400 || error.status === 404)) {
          throw new InfluxApiError(
            404,
            'not found',
            `No organization with ID ${orgID} exists here, or the console's token cannot read it. Pick an org in the header.`,
          );
        }
        throw error;
      }
    },
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

/** Every org the token can read (all pages), A → Z: the header's org switcher. */
export function orgsQuery(client: InfluxClient) {
  return queryOptions({
    queryKey: ['orgs'] as const,
    queryFn: async () => (await client.listEveryOrg()).sort((a, b) => a.name.localeCompare(b.name)),
    staleTime: 60_000,
  });
}

/** The org this page shows (see the top of this file). */
export function useCurrentOrg() {
  const { client, config } = useSession();
  const { orgId } = useParams();
  return useQuery(orgId === undefined ? orgQuery(client, config.org) : orgByIdQuery(client, orgId));
}

/**
 * What the page's own links start with: the connection's prefix ("/c/<name>", or "" for the default), then
 * "/orgs/<orgID>" under an org's URL, so a link to "tokens" stays in the connection and org the person is looking at.
 */
export function useBasePath(): string {
  const { orgId } = useParams();
  return useConnectionPrefix() + (orgId === undefined ? '' : `/orgs/${encodeURIComponent(orgId)}`);
}
