// The app's routes: <AppRoutes /> inside main.tsx's <BrowserRouter> or the tests' <MemoryRouter> (render-app.tsx).
// Each page lives twice: under /orgs/<orgID>/ for that org, and at the top for the default org (so /tokens links from
// before orgs had URLs keep working). Pages build their links with useBasePath() and so stay where they are.
import { Navigate, useRoutes, type RouteObject } from 'react-router';
import { ActivityPage } from '../features/activity';
import { FindPage } from '../features/find';
import { HealthPage } from '../features/health';
import { TokenDrawer, TokensPage } from '../features/tokens';
import { AppShell } from './app-shell';
import { NotFoundPage } from './not-found-page';

const orgPages: RouteObject[] = [
  { index: true, element: <Navigate to="tokens" replace /> },
  {
    path: 'tokens',
    element: <TokensPage />,
    children: [
      // The drawer's code arrives on first use (fetched as soon as the person points at a token).
      { path: ':tokenId', element: <TokenDrawer /> },
    ],
  },
  // The org's audit trail; its code arrives on first visit.
  { path: 'activity', element: <ActivityPage /> },
  // What to clean up (not /health: the app server forwards that to InfluxDB); its code arrives on first visit.
  { path: 'cleanup', element: <HealthPage /> },
];

export const routes: RouteObject[] = [
  {
    element: <AppShell />,
    children: [
      ...orgPages,
      { path: 'orgs/:orgId', children: orgPages },
      // Another connection of the console's (INFLUX_CONFIGS): the same pages on that InfluxDB.
      { path: 'c/:connection', children: [...orgPages, { path: 'orgs/:orgId', children: orgPages }] },
      // A token by ID or description across every org of every connection.
      { path: 'find', element: <FindPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function AppRoutes() {
  return useRoutes(routes);
}
