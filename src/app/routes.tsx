// The app's routes, shared by the browser router (main.tsx) and the tests' memory router (render-app.tsx), both in
// declarative mode: <AppRoutes /> inside a <BrowserRouter> or <MemoryRouter>.
import { lazy, Suspense } from 'react';
import { Navigate, useRoutes, type RouteObject } from 'react-router';
import { tokenDrawer } from '../features/tokens/dialogs-on-demand';
import { TokensPage } from '../features/tokens/tokens-page';
import { AppShell } from './app-shell';
import { NotFoundPage } from './not-found-page';

// The drawer's code arrives on demand (preloaded once the list has painted, so this rarely waits). Opening it is a
// navigation in a transition: until the code is there, the page stays as it was.
const TokenDrawerRoute = lazy(async () => ({ default: (await tokenDrawer.preload()).TokenDrawerRoute }));

export const routes: RouteObject[] = [
  {
    element: <AppShell />,
    children: [
      { index: true, element: <Navigate to="/tokens" replace /> },
      {
        path: 'tokens',
        element: <TokensPage />,
        children: [
          {
            path: ':tokenId',
            element: (
              <Suspense fallback={null}>
                <TokenDrawerRoute />
              </Suspense>
            ),
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/** The app's pages at the current location; render inside a router. */
export function AppRoutes() {
  return useRoutes(routes);
}
