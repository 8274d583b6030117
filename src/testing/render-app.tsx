// Renders the whole app (providers, routes) at a path, with a fresh QueryClient and a memory router.
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders } from '../app/providers';
import { routes } from '../app/routes';

export function renderApp(path = '/tokens') {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const user = userEvent.setup();
  const view = render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  /** The current URL as path + query, e.g. "/tokens?q=ci". */
  const url = () => router.state.location.pathname + router.state.location.search;
  return { ...view, queryClient, router, user, url };
}
