// The page's one open dialog (actions/page-dialog.ts), its code loaded on first use, and where focus goes when it closes
// (the row that opened it may have scrolled out of the DOM or been deleted).
import { useCallback, useMemo, useReducer, useRef, type RefObject } from 'react';
import { useMatch } from 'react-router';
import { lazyPart } from '../../components/ui/lazy-part';
import { usePageDialog, type PageDialog, type PageDialogApi, type PageDialogKind } from './actions/page-dialog';
import { useDeleteAfterRetire } from './actions/rotate-grace-deletion';
import { useBulkStatusOutcome } from './actions/use-bulk-status-outcome';
import { useOwnTokenGuard } from './actions/use-own-token-guard';
import { useSetTokenStatus } from './actions/use-set-token-status';
import { useBasePath } from '../../lib/org-query';

/** The /tokens/:tokenId route: the token's drawer. */
export const TokenDrawer = lazyPart('the token’s details', () =>
  import('./drawer/token-drawer-route').then((m) => m.TokenDrawerRoute),
);
const AllAccessDialog = lazyPart('the All Access dialog', () =>
  import('./create/all-access-dialog').then((m) => m.AllAccessDialog),
);
const CustomTokenDialog = lazyPart('the Custom dialog', () =>
  import('./create/custom-token-dialog').then((m) => m.CustomTokenDialog),
);
const NewTokenDialog = lazyPart('the new token', () =>
  import('./create/new-token-dialog').then((m) => m.NewTokenDialog),
);
const CloneTokenDialog = lazyPart('the Clone dialog', () =>
  import('./create/clone-token-dialog').then((m) => m.CloneTokenDialog),
);
const RotateTokenDialog = lazyPart('the Rotate dialog', () =>
  import('./actions/rotate-token-dialog').then((m) => m.RotateTokenDialog),
);
const DeleteTokenDialog = lazyPart('the Delete dialog', () =>
  import('./actions/delete-token-dialog').then((m) => m.DeleteTokenDialog),
);
const BulkDialog = lazyPart('the bulk dialog', () => import('./actions/bulk-dialog').then((m) => m.BulkDialog));
const BulkExpiryDialog = lazyPart('the expiry dialog', () =>
  import('./actions/bulk-expiry-dialog').then((m) => m.BulkExpiryDialog),
);
const BulkReportDialog = lazyPart('the report', () =>
  import('./actions/bulk-report-dialog').then((m) => m.BulkReportDialog),
);
const DeactivateOwnTokenDialog = lazyPart('the question', () =>
  import('./own-token/own-token-confirm').then((m) => m.DeactivateOwnTokenDialog),
);
const BulkWithOwnTokenDialog = lazyPart('the question', () =>
  import('./own-token/own-token-confirm').then((m) => m.BulkWithOwnTokenDialog),
);
const BulkMaybeOwnTokenDialog = lazyPart('the question', () =>
  import('./own-token/bulk-maybe-own-dialog').then((m) => m.BulkMaybeOwnTokenDialog),
);

const PARTS: Record<PageDialogKind, { preload: () => void }[]> = {
  generate: [AllAccessDialog, CustomTokenDialog, NewTokenDialog],
  'new-token': [NewTokenDialog],
  rotate: [RotateTokenDialog, NewTokenDialog],
  clone: [CloneTokenDialog, NewTokenDialog],
  delete: [DeleteTokenDialog],
  bulk: [BulkDialog, BulkWithOwnTokenDialog, BulkMaybeOwnTokenDialog],
  'bulk-with-own': [BulkWithOwnTokenDialog],
  'bulk-maybe-own': [BulkMaybeOwnTokenDialog],
  'own-off': [DeactivateOwnTokenDialog],
  'bulk-report': [BulkReportDialog],
  'bulk-expiry': [BulkExpiryDialog],
};

export function preloadDialogs(...kinds: PageDialogKind[]): void {
  for (const kind of kinds) for (const part of PARTS[kind]) part.preload();
}

/** Closing is for one dialog: a dialog that closes after it opened the next one does not close that one. */
function dialogReducer(open: PageDialog | null, action: { open: PageDialog } | { close: PageDialog }) {
  if ('open' in action) return action.open;
  return open === action.close ? null : open;
}

/** The open dialog, `close` for it, and the context value that opens one. */
export function usePageDialogState() {
  const [dialog, dispatch] = useReducer(dialogReducer, null);
  const api = useMemo<PageDialogApi>(() => ({ open: (next) => dispatch({ open: next }), preload: preloadDialogs }), []);
  const close = useCallback((current: PageDialog) => dispatch({ close: current }), []);
  return { dialog, close, api };
}

interface PageDialogsProps {
  dialog: PageDialog | null;
  close: (dialog: PageDialog) => void;
  orgID: string;
  orgName: string;
  filterRef: RefObject<HTMLInputElement | null>;
  /** A token was just generated, cloned or rotated, and its secret dialog closed: light its row up and focus it. */
  onTokenMade: (id: string, focus: boolean) => void;
  /** These tokens were deleted, or changed in bulk: they leave the selection. */
  onDone: (ids: string[]) => void;
}

/** Where focus goes as a dialog closes, judged then; with nowhere to go, Radix's default (what opened it). */
function focusOn(event: Event, element: HTMLElement | null | undefined) {
  if (!element) return;
  event.preventDefault();
  element.focus();
}

/** The row's ⋮ button, when the row is still in the DOM. */
const rowMenuButton = (id: string) => document.querySelector<HTMLElement>(`[data-row-actions="${CSS.escape(id)}"]`);

/** The row's description button, when the row is in the DOM. */
const rowOpenButton = (id: string | null) =>
  id === null ? null : document.querySelector<HTMLElement>(`[data-open-token="${CSS.escape(id)}"]`);

export function PageDialogs({ dialog, close, orgID, orgName, filterRef, onTokenMade, onDone }: PageDialogsProps) {
  const { open } = usePageDialog();
  const base = useBasePath();
  const drawerOpen = useMatch(`${base}/tokens/:tokenId`) !== null;
  const guard = useOwnTokenGuard();
  const setStatus = useSetTokenStatus();
  const bulkStatus = useBulkStatusOutcome();
  const deleteAfterRetire = useDeleteAfterRetire();
  /** The delete dialog whose token is gone (its row with it), and the token whose row was beside it. */
  const deleted = useRef<{ dialog: PageDialog; neighbour: string | null } | null>(null);
  if (!dialog) return null;
  const onClose = () => close(dialog);

  switch (dialog.kind) {
    case 'generate': {
      const Generate = dialog.variant === 'custom' ? CustomTokenDialog : AllAccessDialog;
      return (
        <Generate
          orgID={orgID}
          orgName={orgName}
          onClose={onClose}
          onCreated={(token, note) => open({ kind: 'new-token', token, origin: 'created', note })}
        />
      );
    }
    case 'new-token': {
      const { token, origin, replaces, note, deleteAfterMs } = dialog;
      return (
        <NewTokenDialog
          token={token}
          origin={origin}
          replaces={replaces}
          note={note}
          onRetire={() =>
            replaces &&
            guard.switchOff(
              replaces,
              () =>
                void setStatus(replaces.id, 'inactive', token).then((off) => {
                  if (off && deleteAfterMs !== undefined) return deleteAfterRetire(replaces, deleteAfterMs);
                }),
            )
          }
          onClose={onClose}
          onCloseAutoFocus={(event) => {
            // Find what you just made: its row scrolls into view, lights up and takes focus (under an open drawer,
            // focus goes back into the drawer).
            onTokenMade(token.id, !drawerOpen);
            if (!drawerOpen) event.preventDefault();
          }}
        />
      );
    }
    case 'rotate':
      return (
        <RotateTokenDialog
          token={dialog.token}
          onClose={onClose}
          // A later stop scheduled for the old token: nothing left to do about it in the new token's dialog.
          onCreated={(created, outcome) =>
            open({
              kind: 'new-token',
              token: created,
              origin: 'rotated',
              replaces: outcome?.scheduled ? undefined : dialog.token,
              note: outcome?.note,
              deleteAfterMs: outcome?.deleteAfterMs,
            })
          }
          // Cancelled from a row: back to its menu button (a drawer gets its own focus back).
          onCloseAutoFocus={(event) => focusOn(event, drawerOpen ? null : rowMenuButton(dialog.token.id))}
        />
      );
    case 'clone':
      return (
        <CloneTokenDialog
          token={dialog.token}
          onClose={onClose}
          onCreated={(created) => open({ kind: 'new-token', token: created, origin: 'cloned' })}
          // Cancelled from a row: back to its menu button (a drawer gets its own focus back).
          onCloseAutoFocus={(event) => focusOn(event, drawerOpen ? null : rowMenuButton(dialog.token.id))}
        />
      );
    case 'delete': {
      const { token } = dialog;
      return (
        <DeleteTokenDialog
          token={token}
          onClose={onClose}
          onDeleted={(neighbour) => {
            deleted.current = { dialog, neighbour };
            onDone([token.id]);
          }}
          // Cancelled: back to the row's menu button. Deleted: the row that took its place (the one before, when it
          // was the last). With neither in the DOM: the filter box.
          onCloseAutoFocus={(event) => {
            const gone = deleted.current?.dialog === dialog;
            const next = gone ? rowOpenButton(deleted.current?.neighbour ?? null) : rowMenuButton(token.id);
            focusOn(event, next ?? filterRef.current);
          }}
        />
      );
    }
    case 'own-off':
      return (
        <DeactivateOwnTokenDialog
          token={dialog.token}
          onClose={onClose}
          onConfirm={() => {
            onClose();
            dialog.proceed();
          }}
        />
      );
    case 'bulk-with-own': {
      const { action, tokens, own } = dialog;
      return (
        <BulkWithOwnTokenDialog
          action={action}
          own={own}
          others={tokens.length - 1}
          onClose={onClose}
          onContinue={(includeOwn) =>
            open({ kind: 'bulk', action, tokens: includeOwn ? tokens : tokens.filter((t) => t.id !== own.id) })
          }
        />
      );
    }
    case 'bulk-maybe-own': {
      const { action, tokens, candidates } = dialog;
      return (
        <BulkMaybeOwnTokenDialog
          action={action}
          candidates={candidates}
          others={tokens.length - candidates.length}
          onClose={onClose}
          onContinue={(all) =>
            open({ kind: 'bulk', action, tokens: all ? tokens : tokens.filter((t) => !candidates.includes(t)) })
          }
        />
      );
    }
    case 'bulk':
      return (
        <BulkDialog
          action={dialog.action}
          tokens={dialog.tokens}
          onFinished={onDone}
          onClose={onClose}
          onStatusChanged={bulkStatus.announce}
          // The bar that opened it goes away when every selected token changed: then the filter box.
          onCloseAutoFocus={(event) => focusOn(event, document.querySelector('.bulk-bar') ? null : filterRef.current)}
        />
      );
    case 'bulk-expiry':
      return (
        <BulkExpiryDialog
          tokens={dialog.tokens}
          maxLifetimeDays={dialog.maxLifetimeDays}
          onFinished={onDone}
          onClose={onClose}
          onCloseAutoFocus={(event) => focusOn(event, document.querySelector('.bulk-bar') ? null : filterRef.current)}
        />
      );
    case 'bulk-report':
      return (
        <BulkReportDialog
          report={dialog.report}
          onUndo={() => {
            bulkStatus.undo(dialog.report);
            onClose();
          }}
          onClose={onClose}
          // The toast that opened it is gone: back to the list.
          onCloseAutoFocus={(event) => focusOn(event, filterRef.current)}
        />
      );
  }
}
