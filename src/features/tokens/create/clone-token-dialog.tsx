// Clone: a short form before anything is created. The copy gets the original's permissions; its description (the
// original's, "(cloned at …)") and owner (the original's) can be changed first, and the copy of an inactive token is
// created inactive unless the person chooses otherwise.
import { useId, useState } from 'react';
import type { Authorization, AuthorizationStatus } from '../../../../core/influx-types';
import { cloneDescription } from '../model/clone-description';
import { clonedPermissions } from '../model/new-token-permissions';
import { cachedPermissionsSummary } from '../model/permissions-summary';
import { tokenLabel } from '../../../lib/token-label';
import { NewTokenForm } from './new-token-form';

interface CloneTokenDialogProps {
  token: Authorization;
  onClose: () => void;
  onCreated: (created: Authorization) => void;
  onCloseAutoFocus?: (event: Event) => void;
}

export function CloneTokenDialog({ token, ...dialog }: CloneTokenDialogProps) {
  const id = useId();
  const label = tokenLabel(token.description);
  const inactive = token.status === 'inactive';
  const [status, setStatus] = useState<AuthorizationStatus>(token.status);
  // Taken once: the time in the description is when the form opened, and typing does not move it.
  const [initial] = useState(() => ({
    description: cloneDescription(token.description),
    owner: { id: token.userID, name: token.user || token.userID },
  }));
  return (
    <NewTokenForm
      {...dialog}
      orgID={token.orgID}
      title={`Clone “${label}”`}
      action="clone"
      initial={initial}
      status={inactive ? status : undefined}
      lookups={[]}
      permissionsFor={() => clonedPermissions(token.permissions)}
      intro={
        <p className="new-token-form__intro">
          A new token with the same permissions as “{label}” ({cachedPermissionsSummary(token.permissions)}). Its secret
          is shown once, right after it is created.
        </p>
      }
    >
      {inactive && (
        <fieldset className="new-token-form__choice" aria-describedby={`${id}-status-help`}>
          <legend className="field-label">Status of the copy</legend>
          <p className="field-help" id={`${id}-status-help`}>
            “{label}” is inactive: InfluxDB refuses it.
          </p>
          <label className="new-token-form__option">
            <input
              type="radio"
              name={`${id}-status`}
              checked={status === 'inactive'}
              onChange={() => setStatus('inactive')}
            />
            Inactive, like the original: refused until someone activates it
          </label>
          <label className="new-token-form__option">
            <input
              type="radio"
              name={`${id}-status`}
              checked={status === 'active'}
              onChange={() => setStatus('active')}
            />
            Active: it works as soon as it is created
          </label>
        </fieldset>
      )}
    </NewTokenForm>
  );
}
