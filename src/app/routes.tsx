// The app's routes, shared by the browser router and the tests' memory router.
import { Navigate, type RouteObject } from 'react-router';
import { tokenDrawer } from '../features/tokens/components/dialogs-on-demand';
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
        // The drawer's code arrives on demand (preloaded once the list has painted).
        children: [{ path: ':tokenId', lazy: async () => ({ Component: (await tokenDrawer.preload()).TokenDrawerRoute }) }],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
