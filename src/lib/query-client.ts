// The app's QueryClient defaults: fresh enough to notice others' changes, cheap on re-render.
import { QueryClient } from '@tanstack/react-query';
import { InfluxApiError } from '../../core/influx-client';

export function createAppQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        refetchOnWindowFocus: true,
        // Retrying a refusal or a missing token only delays the message the person needs.
        retry: (failureCount, error) =>
          failureCount < 2 && !(error instanceof InfluxApiError && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
  });
}
