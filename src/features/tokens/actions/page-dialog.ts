// The page shows one dialog at a time, and this union says which. Rows, the drawer and the toolbar open one through
// `usePageDialog().open`; the page holds it (page-dialogs.tsx), so it outlives the row or drawer that opened it.
import { createContext, useContext } from 'react';
import type { Authorization } from '../../../../core/influx-types';
import type { NewTokenOrigin } from '../create/new-token-dialog';
import type { CreatedNote } from '../create/use-new-token-expiry';
import type { BulkAction, BulkOutcome } from '../model/bulk-plan';

/** A bulk status change as reported in its toast and in Details. */
export interface BulkStatusReport {
  outcome: BulkOutcome;
  /** The tokens that switched (as they were before), for Undo; empty once undone or for an undo's own report. */
  changed: Authorization[];
  undo: boolean;
}

export type PageDialog =
  | { kind: 'generate'; variant: 'all-access' | 'custom' }
  /** The new token's secret, shown once; after Rotate, `replaces` is the token it replaces. */
  | {
      kind: 'new-token';
      token: Authorization;
      origin: NewTokenOrigin;
      replaces?: Authorization;
      note?: CreatedNote;
      /** Rotate's "Now" with a deletion: once `replaces` is deactivated, the console deletes it this long after. */
      deleteAfterMs?: number;
    }
  | { kind: 'rotate'; token: Authorization }
  /** Clone asks first (description, owner, the copy's status), then shows the copy's secret (`new-token`). */
  | { kind: 'clone'; token: Authorization }
  | { kind: 'delete'; token: Authorization }
  | { kind: 'bulk'; action: BulkAction; tokens: Authorization[] }
  | { kind: 'bulk-expiry'; tokens: Authorization[]; maxLifetimeDays: number | null }
  | { kind: 'bulk-with-own'; action: 'deactivate' | 'delete'; tokens: Authorization[]; own: Authorization }
  /** Where the page cannot tell its own token: `candidates` are the selected ones that may be it. */
  | { kind: 'bulk-maybe-own'; action: 'deactivate' | 'delete'; tokens: Authorization[]; candidates: Authorization[] }
  | { kind: 'own-off'; token: Authorization; proceed: () => void }
  | { kind: 'bulk-report'; report: BulkStatusReport };

export type PageDialogKind = PageDialog['kind'];

export interface PageDialogApi {
  open: (dialog: PageDialog) => void;
  /** Fetches a dialog's code ahead, when the person points at or focuses what opens it. */
  preload: (...kinds: PageDialogKind[]) => void;
}

export const PageDialogContext = createContext<PageDialogApi | null>(null);

export function usePageDialog(): PageDialogApi {
  const api = useContext(PageDialogContext);
  if (!api) throw new Error('usePageDialog needs the tokens page above it');
  return api;
}
