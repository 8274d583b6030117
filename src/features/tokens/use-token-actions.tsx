// The list's actions (clone, activate or deactivate, retire a rotated token, report a bulk change) run code that
// arrives on demand (token-actions-host.tsx). An action chosen before that code is in waits in a queue and runs
// once the host hands its actions over; when the code cannot be downloaded, the person is told what was and was
// not done. The page mounts `host` and preloads when idle.
import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { Authorization } from '../../../core/influx-types';
import { useToast } from '../../components/ui/toast-context';
import { tokenActions } from './dialogs-on-demand';
import type { TokenActions } from './token-actions-host';

interface TokenActionsOptions {
  onCloned: (token: Authorization) => void;
  /** Where focus goes when the bulk report dialog closes. */
  restoreFocus: () => void;
}

/**
 * `withActions(run)` runs an action now or once its code is in. `done: 'after'` marks one whose change was already
 * made (a bulk change: only its report needs the code), so a failed download does not say "Nothing was changed".
 */
export function useTokenActions({ onCloned, restoreFocus }: TokenActionsOptions): {
  withActions: (run: (actions: TokenActions) => void, done?: 'before' | 'after') => void;
  preload: () => Promise<unknown>;
  host: ReactNode;
} {
  const toast = useToast();
  const actionsRef = useRef<TokenActions | null>(null);
  const queued = useRef<((actions: TokenActions) => void)[]>([]);
  const [module, setModule] = useState(tokenActions.loaded);
  const preload = useCallback(() => tokenActions.preload().then(setModule), []);
  const withActions = useCallback(
    (run: (actions: TokenActions) => void, done: 'before' | 'after' = 'before') => {
      if (actionsRef.current) return run(actionsRef.current);
      queued.current.push(run);
      preload().catch(() => {
        if (queued.current.splice(0).length === 0) return;
        const words =
          done === 'before'
            ? {
                title: 'Nothing was changed: part of the page did not download',
                description: 'Check the connection, then try again.',
              }
            : {
                title: 'The change was made, but its report did not download',
                description: 'The list shows each token as it is now. Check the connection.',
              };
        toast.show({ id: 'actions-unavailable', tone: 'error', ...words });
      });
    },
    [preload, toast],
  );
  const onReady = useCallback((actions: TokenActions) => {
    actionsRef.current = actions;
    for (const run of queued.current.splice(0)) run(actions);
  }, []);
  const host = module && <module.TokenActionsHost onCloned={onCloned} restoreFocus={restoreFocus} onReady={onReady} />;
  return { withActions, preload, host };
}
