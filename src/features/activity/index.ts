// The activity feature's face: what the app's routes mount. Its code arrives when the person first opens the view.
import { createElement } from 'react';
import { lazyPart } from '../../components/ui/lazy-part';
import { StatePanel } from '../../components/ui/state-panel';

/** The /activity route: the org's audit trail. */
export const ActivityPage = lazyPart(
  'the Activity view',
  () => import('./activity-page').then((m) => m.ActivityPage),
  () => createElement(StatePanel, { title: 'Loading activity…', role: 'status' }),
);
