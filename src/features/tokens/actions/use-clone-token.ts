// Clone: a new token with the same permissions, described "<old> (cloned at …)"; a refusal is said in a toast.
import { useCallback } from 'react';
import { useToast } from '../../../components/ui/toast-context';
import type { Authorization } from '../../../../core/influx-types';
import { useCreateToken } from '../api/use-create-token';
import { cloneDescription } from '../model/clone-description';
import { createFailureText } from '../model/create-failure';
import { clonedPermissions } from '../model/new-token-permissions';
import { tokenLabel } from '../model/token-label';

export function useCloneToken(onCloned: (token: Authorization) => void) {
  const { mutate, isPending } = useCreateToken();
  const toast = useToast();
  const clone = useCallback(
    (token: Authorization) => {
      mutate(
        {
          orgID: token.orgID,
          userID: token.userID,
          description: cloneDescription(token.description),
          permissions: clonedPermissions(token.permissions),
        },
        {
          onSuccess: onCloned,
          onError: (error) =>
            toast.show({
              id: `clone:${token.id}`,
              tone: 'error',
              title: `Could not clone “${tokenLabel(token.description)}”`,
              description: createFailureText(error, 'clone'),
            }),
        },
      );
    },
    [mutate, toast, onCloned],
  );
  return { clone, isPending };
}
