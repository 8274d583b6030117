// The app's routes, shared by the browser router and the tests' memory router.
import { Navigate, type RouteObject } from 'react-router';
import { TokenDrawerRoute } from '../features/tokens/components/token-drawer-route';
import { TokensPage } from '../features/tokens/components/tokens-page';
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
        children: [{ path: ':tokenId', element: <TokenDrawerRoute /> }],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
