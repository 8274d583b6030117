// Clone: a new token with the same permissions and owner, described "<old> (cloned at …)", its secret then shown once;
// a refusal is said in a toast. It reports even when what started it (a row's menu) is gone by then.
import { useToast } from '../../../components/ui/toast-context';
import type { Authorization, AuthorizationCreate } from '../../../../core/influx-types';
import { useCreateToken } from '../api/use-create-token';
import { cloneDescription } from '../model/clone-description';
import { createFailureText } from '../model/create-failure';
import { clonedPermissions } from '../model/new-token-permissions';
import { tokenLabel } from '../model/token-label';
import { usePageDialog } from './page-dialog';

/** A new token with the same permissions and owner as `token` (Clone, Rotate). */
export function sameAccessAs(token: Authorization, description: string): AuthorizationCreate {
  return { orgID: token.orgID, userID: token.userID, description, permissions: clonedPermissions(token.permissions) };
}

export function useCloneToken() {
  const { mutateAsync, isPending } = useCreateToken();
  const toast = useToast();
  const { open } = usePageDialog();
  function clone(token: Authorization) {
    mutateAsync(sameAccessAs(token, cloneDescription(token.description))).then(
      (created) => open({ kind: 'new-token', token: created, origin: 'cloned' }),
      (error: Error) =>
        toast.show({
          id: `clone:${token.id}`,
          tone: 'error',
          title: `Could not clone “${tokenLabel(token.description)}”`,
          description: createFailureText(error, 'clone'),
        }),
    );
  }
  return { clone, isPending };
}
