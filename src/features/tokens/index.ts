// The tokens feature's face: what the app's routes mount. Nothing else of the feature is imported from outside it.
export { TokensPage } from './tokens-page';
export { TokenDrawer } from './page-dialogs';
