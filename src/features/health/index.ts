// The health feature's face: what the app's routes mount. Its code arrives when the person first opens the view.
import { createElement } from 'react';
import { lazyPart } from '../../components/ui/lazy-part';
import { StatePanel } from '../../components/ui/state-panel';

/** The /cleanup route: what to clean up among the org's tokens. */
export const HealthPage = lazyPart(
  'the Health view',
  () => import('./health-page').then((m) => m.HealthPage),
  () => createElement(StatePanel, { title: 'Loading the Health view…', role: 'status' }),
);
