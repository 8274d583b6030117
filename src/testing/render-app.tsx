// Renders the whole app (providers, routes) at a path, with a fresh QueryClient and a memory router: the same
// declarative router and routes as main.tsx, so tests exercise what ships.
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLayoutEffect } from 'react';
import { MemoryRouter, useLocation, useNavigate, type Location, type NavigateFunction } from 'react-router';
import { AppProviders } from '../app/providers';
import { AppRoutes } from '../app/routes';

/** What tests use of the router: navigate (e.g. back with -1) and the location the app last rendered. */
export interface TestRouter {
  navigate: (to: string | number) => Promise<void>;
  state: { location: Location };
}

export function renderApp(path = '/tokens') {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  let navigate: NavigateFunction | undefined;
  const router: TestRouter = {
    navigate: async (to) => {
      if (typeof to === 'number') await navigate!(to);
      else await navigate!(to);
    },
    state: { location: { pathname: path, search: '', hash: '', state: null, key: 'default' } },
  };
  /** Keeps `router` up to date with what the app committed. */
  function RouterProbe() {
    const currentNavigate = useNavigate();
    const location = useLocation();
    useLayoutEffect(() => {
      navigate = currentNavigate;
      router.state.location = location;
    });
    return null;
  }
  const user = userEvent.setup();
  const view = render(
    <AppProviders queryClient={queryClient}>
      <MemoryRouter initialEntries={[path]}>
        <RouterProbe />
        <AppRoutes />
      </MemoryRouter>
    </AppProviders>,
  );
  /** The current URL as path + query, e.g. "/tokens?q=ci". */
  const url = () => router.state.location.pathname + router.state.location.search;
  return { ...view, queryClient, router, user, url };
}
