// The app's routes, shared by the browser router (main.tsx) and the tests' memory router (render-app.tsx), both in
// declarative mode: <AppRoutes /> inside a <BrowserRouter> or <MemoryRouter>.
import { Navigate, useRoutes, type RouteObject } from 'react-router';
import { TokenDrawer, TokensPage } from '../features/tokens';
import { AppShell } from './app-shell';
import { NotFoundPage } from './not-found-page';

export const routes: RouteObject[] = [
  {
    element: <AppShell />,
    children: [
      { index: true, element: <Navigate to="/tokens" replace /> },
      {
        path: 'tokens',
        element: <TokensPage />,
        children: [
          // The drawer's code arrives on first use (fetched as soon as the person points at a token).
          { path: ':tokenId', element: <TokenDrawer /> },
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
