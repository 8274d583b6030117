// Saves an inline edit and tells the person when it failed: which token, why, and their text back in the box.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useToast } from '../../../components/ui/toast-context';
import type { Authorization } from '../../../../core/influx-types';
import { findCachedToken } from '../api/token-cache';
import { useRenameToken } from '../api/use-rename-token';
import { failureReason } from '../model/failure-reason';
import { tokenLabel } from '../model/token-label';
import { useEditDrafts } from './edit-drafts';

export function useSaveDescription() {
  const { mutateAsync } = useRenameToken();
  const toast = useToast();
  const drafts = useEditDrafts();
  const queryClient = useQueryClient();

  return useCallback(
    (token: Authorization, typed: string, draftKey: string) => {
      const oldName = tokenLabel(findCachedToken(queryClient, token.id)?.description ?? token.description);
      // The returned promise settles even if this row has scrolled away and unmounted.
      mutateAsync({ id: token.id, description: typed.trim() }).catch((error: unknown) => {
        toast.show({
          tone: 'error',
          title: `Could not rename “${oldName}”: ${failureReason(error)}`,
          description: 'Your text is back in the box: press Enter to try again, or Escape to discard it.',
        });
        if (drafts.get(draftKey) === undefined) {
          drafts.markFailed(draftKey, typed);
          drafts.set(draftKey, typed);
        }
      });
    },
    [mutateAsync, toast, drafts, queryClient],
  );
}
