// The app's routes: <AppRoutes /> inside main.tsx's <BrowserRouter> or the tests' <MemoryRouter> (render-app.tsx).
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

export function AppRoutes() {
  return useRoutes(routes);
}
