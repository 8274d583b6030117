// Global styles first, so component styles (imported by the modules below) win ties.
import './app/global.css';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { AppProviders } from './app/providers';
import { AppRoutes } from './app/routes';
import { createAppQueryClient } from './lib/query-client';

// Declarative mode (BrowserRouter + useRoutes): the app uses no loaders or actions, and the data router would add
// about 17 KiB gzip to the first load.
const root = createRoot(document.getElementById('root')!);
// As a transition, the first render is done in slices between the browser's tasks instead of one long task (about
// 130 ms on Lighthouse's throttled phone), so the page answers input while it builds.
startTransition(() =>
  root.render(
    <StrictMode>
      <AppProviders queryClient={createAppQueryClient()}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </AppProviders>
    </StrictMode>,
  ),
);
