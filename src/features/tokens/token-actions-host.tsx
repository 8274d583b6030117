// What the list's actions do once chosen (clone, activate or deactivate, retire a rotated token, report a bulk
// status change with Undo and Details): code the first paint does without, so the page loads it on demand and
// mounts this host, which hands the page its actions (onReady) and shows the bulk report dialog when asked.
import { memo, useLayoutEffect } from 'react';
import type { Authorization, AuthorizationStatus } from '../../../core/influx-types';
import type { BulkOutcome } from './model/bulk-plan';
import { useBulkStatusOutcome } from './actions/use-bulk-status-outcome';
import { useCloneToken } from './actions/use-clone-token';
import { useRetireRotatedToken } from './actions/use-retire-rotated-token';
import { useSetTokenStatus } from './actions/use-set-token-status';

export interface TokenActions {
  clone: (token: Authorization) => void;
  setStatus: (id: string, status: AuthorizationStatus) => void;
  retireRotated: (old: Authorization, replacement: Authorization) => void;
  announceBulk: (outcome: BulkOutcome, changed: Authorization[]) => void;
}

interface TokenActionsHostProps {
  onCloned: (token: Authorization) => void;
  /** Where focus goes when the bulk report dialog closes (the toast that opened it is gone). */
  restoreFocus: () => void;
  /** Called after every commit with the current actions. */
  onReady: (actions: TokenActions) => void;
}

export const TokenActionsHost = memo(function TokenActionsHost({
  onCloned,
  restoreFocus,
  onReady,
}: TokenActionsHostProps) {
  const { clone } = useCloneToken(onCloned);
  const setStatus = useSetTokenStatus();
  const retireRotated = useRetireRotatedToken();
  const bulkStatus = useBulkStatusOutcome(restoreFocus);
  const announceBulk = bulkStatus.announce;
  useLayoutEffect(() => onReady({ clone, setStatus, retireRotated, announceBulk }));
  return bulkStatus.details;
});
