// The parts of the page the first paint does without, downloaded on demand. Each dialog is preloaded when the
// person points at or focuses what opens it (Generate, a row's menu, the bulk bar), so opening one does not wait.
import { onDemand } from '../../components/ui/on-demand';

export const generateDialogs = onDemand(async () => {
  const [allAccess, custom] = await Promise.all([
    import('./create/all-access-dialog'),
    import('./create/custom-token-dialog'),
  ]);
  return { AllAccessDialog: allAccess.AllAccessDialog, CustomTokenDialog: custom.CustomTokenDialog };
});
/** The show-once secret after Generate, Clone or Rotate. */
export const newTokenDialog = onDemand(() => import('./create/new-token-dialog'));
export const rotateDialog = onDemand(() => import('./actions/rotate-token-dialog'));
export const deleteDialog = onDemand(() => import('./actions/delete-token-dialog'));
export const bulkDialog = onDemand(() => import('./actions/bulk-dialog'));
export const bulkReportDialog = onDemand(() => import('./actions/bulk-report-dialog'));
export const ownTokenConfirm = onDemand(() => import('./own-token/own-token-confirm'));

const quietly = (load: () => Promise<unknown>) => () => void load().catch(() => {});

/** Pointing at Generate: its two dialogs and the secret dialog that follows. */
export const preloadGenerate = quietly(() => Promise.all([generateDialogs.preload(), newTokenDialog.preload()]));
/** What the list's actions do once chosen (clone, switch status, retire a rotated token, report a bulk change). */
export const tokenActions = onDemand(() => import('./token-actions-host'));

/** Pointing at a row's menu: what its items open or do. */
export const preloadRowActions = quietly(() =>
  Promise.all([
    rotateDialog.preload(),
    deleteDialog.preload(),
    newTokenDialog.preload(),
    ownTokenConfirm.preload(),
    tokenActions.preload(),
  ]),
);
/** Tokens selected: the bar's actions open these. */
export const preloadBulk = quietly(() =>
  Promise.all([bulkDialog.preload(), ownTokenConfirm.preload(), tokenActions.preload()]),
);

/** The token drawer (the /tokens/:id route), with the details and actions only it shows. */
export const tokenDrawer = onDemand(() => import('./drawer/token-drawer-route'));

/**
 * The list itself (its rows, the virtualizer): the first paint (the page's frame, filters and loading state) does
 * without it, so it is fetched as the page mounts, alongside the list's own download, which it is there before.
 */
export const tokensTable = onDemand(() => import('./list/tokens-table'));

/** The bar shown while tokens are selected (preloaded once the list has painted). */
export const bulkBar = onDemand(() => import('./actions/bulk-bar'));
/** The panel shown instead of the list when the page's own token stops working. */
export const ownTokenLost = onDemand(() => import('./own-token/own-token-lost'));
/** Export's work (CSV/JSON, the download), fetched when the person points at Export. */
export const exportTokens = onDemand(() => import('./export/export-tokens-file'));
