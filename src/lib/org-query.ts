// Which org's tokens to show: the configured org by name, else the first org the token can see.
import { queryOptions } from '@tanstack/react-query';
import { InfluxApiError, type InfluxClient } from '../../core/influx-client';

export function orgQuery(client: InfluxClient, orgName: string | null) {
  return queryOptions({
    queryKey: ['org', orgName ?? ''] as const,
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
