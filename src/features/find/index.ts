// The find feature's face: what the app's routes and header mount. The page's code arrives on first search.
import { createElement } from 'react';
import { lazyPart } from '../../components/ui/lazy-part';
import { StatePanel } from '../../components/ui/state-panel';

export { FindBox } from './find-box';

/** The /find route: a token by ID or description, across every org of every connection. */
export const FindPage = lazyPart(
  'the Find view',
  () => import('./find-page').then((m) => m.FindPage),
  () => createElement(StatePanel, { title: 'Loading the Find view…', role: 'status' }),
);
