// The org's trail from the app server (GET ACTIVITY_PATH), newest first, a page at a time as the person scrolls.
import { infiniteQueryOptions } from '@tanstack/react-query';
import { ACTIVITY_PATH, type ActivityPage } from '../../../../core/governance';
import { sendInfluxRequest, type InfluxClient } from '../../../../core/influx-client';
import { sinceInstant, type ServerFilters } from '../model/activity-filters';

/** Entries per page: a few screens of rows. */
export const ACTIVITY_PAGE_SIZE = 200;

export const activityKeys = {
  all: ['activity'] as const,
  org: (orgID: string) => ['activity', orgID] as const,
  list: (orgID: string, filters: ServerFilters) => ['activity', orgID, filters] as const,
};

export function activityQuery(client: InfluxClient, orgID: string, filters: ServerFilters) {
  return infiniteQueryOptions({
    queryKey: activityKeys.list(orgID, filters),
    queryFn: ({ pageParam, signal }) =>
      sendInfluxRequest<ActivityPage>(
        client.prepareGet(ACTIVITY_PATH, {
          orgID,
          tokenID: filters.tokenID,
          action: filters.action,
          since: filters.since && sinceInstant(filters.since, Date.now()),
          before: pageParam === undefined ? undefined : String(pageParam),
          limit: String(ACTIVITY_PAGE_SIZE),
        }),
        signal,
      ),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.next,
    staleTime: 10_000,
  });
}
