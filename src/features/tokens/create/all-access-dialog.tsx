// "All Access API Token": a warning, a description, and the permissions `influx auth create --all-access` grants.
import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import type { Authorization, User } from '../../../../core/influx-types';
import { useSession } from '../../../lib/session/session-context';
import { lookupQueries } from '../api/lookup-queries';
import { useCreateToken } from '../api/use-create-token';
import { createFailureText } from '../model/create-failure';
import { allAccessPermissions } from '../../../../core/permissions';
import { DESCRIPTION_MAX_LENGTH } from '../list/description-editor';
import { OwnerField } from './owner-field';
import '../../../components/ui/controls.css';

interface AllAccessDialogProps {
  orgID: string;
  orgName: string;
  onClose: () => void;
  onCreated: (token: Authorization) => void;
}

export function AllAccessDialog({ orgID, orgName, onClose, onCreated }: AllAccessDialogProps) {
  const { client } = useSession();
  const id = useId();
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState<{ id: string; user?: User }>({ id: '' });
  const descriptionRef = useRef<HTMLInputElement>(null);
  const types = useQuery(lookupQueries.resourceTypes(client));
  const me = useQuery(lookupQueries.me(client));
  const create = useCreateToken();
  const formId = `${id}-form`;
  const lookupError = types.error ?? me.error;
  const ready = types.data !== undefined && me.data !== undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!types.data || !me.data || create.isPending) return;
    // Like `influx auth create --all-access --user`: the owner's own user, not the signed-in one, is in its permissions.
    const userID = owner.id || me.data.id;
    create.mutate(
      {
        orgID,
        description,
        permissions: allAccessPermissions(types.data, orgID, userID),
        ...(owner.id ? { userID } : {}),
      },
      { onSuccess: onCreated },
    );
  }

  return (
    <ModalDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title="Generate All Access API Token"
      onOpenAutoFocus={(event) => {
        event.preventDefault();
        descriptionRef.current?.focus();
      }}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="btn btn--primary" disabled={!ready || create.isPending}>
            {create.isPending ? 'Generating…' : 'Generate'}
          </button>
        </>
      }
    >
      <form id={formId} onSubmit={submit}>
        <div className="callout callout--warning" id={`${id}-warning`}>
          <p>
            <strong>This token grants full read and write access to every resource in {orgName}</strong>, including its
            buckets, dashboards, tasks and other API tokens.
          </p>
          <p>
            Anyone who holds it can read, change or delete anything in this organization. Prefer a Custom API Token with
            only what is needed.
          </p>
        </div>
        <label className="field-label" htmlFor={`${id}-description`}>
          Description
        </label>
        <input
          ref={descriptionRef}
          id={`${id}-description`}
          className="input"
          value={description}
          maxLength={DESCRIPTION_MAX_LENGTH}
          placeholder="Describe this API token"
          autoComplete="off"
          onChange={(e) => setDescription(e.target.value)}
        />
        <div className="owner-field--spaced">
          <OwnerField value={owner.id} onChange={(userID, user) => setOwner({ id: userID, user })} />
        </div>
        {!ready && !lookupError && (
          <p className="field-help" role="status">
            Loading resource types…
          </p>
        )}
        {lookupError && (
          <div className="callout callout--error form-alert" role="alert">
            <p>Could not look up what to grant: {lookupError.message}</p>
            <button
              type="button"
              className="btn btn--small"
              onClick={() => {
                if (types.isError) void types.refetch();
                if (me.isError) void me.refetch();
              }}
              disabled={types.isFetching || me.isFetching}
            >
              {types.isFetching || me.isFetching ? 'Retrying…' : 'Retry'}
            </button>
          </div>
        )}
        {create.error && (
          <div className="callout callout--error form-alert" role="alert">
            <p>
              {createFailureText(
                create.error,
                'create',
                undefined,
                owner.user && { id: owner.user.id, name: owner.user.name },
              )}
            </p>
          </div>
        )}
      </form>
    </ModalDialog>
  );
}
