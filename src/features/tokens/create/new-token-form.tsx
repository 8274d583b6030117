// What both Generate dialogs share: the dialog, the description and owner fields, Cancel and Generate, and what
// InfluxDB said when it refused (every choice is kept, so the person can change one and generate again).
import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Dialog } from '../../../components/ui/dialog';
import type { Authorization, Permission, User } from '../../../../core/influx-types';
import { useCreateToken } from '../api/use-create-token';
import { createFailureText } from '../model/create-failure';
import { DESCRIPTION_MAX_LENGTH } from '../model/token-label';
import { OwnerField } from './owner-field';
import './new-token-form.css';

export interface NewTokenFormProps {
  orgID: string;
  onClose: () => void;
  onCreated: (token: Authorization) => void;
}

interface FormShellProps extends NewTokenFormProps {
  title: string;
  size?: 'small' | 'large';
  /** What to grant, for this owner (undefined: the signed-in user); null while it cannot be known yet. */
  permissionsFor: (owner: User | undefined) => Permission[] | null;
  /** What the form needs from InfluxDB first: a failure is shown with Retry. */
  lookups: UseQueryResult[];
  /** Before the description (a warning). */
  intro?: ReactNode;
  /** After the owner (the permission choices). */
  children?: ReactNode;
  /** Beside the buttons: why Generate is disabled, or what is chosen. */
  footerNote?: string;
  /** Names for IDs in a refusal ("bucket telegraf" rather than its ID). */
  names?: ReadonlyMap<string, string>;
}

export function NewTokenForm({ orgID, onClose, onCreated, permissionsFor, lookups, names, ...shell }: FormShellProps) {
  const id = useId();
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState<User | undefined>(undefined);
  const descriptionRef = useRef<HTMLInputElement>(null);
  const refusalRef = useRef<HTMLDivElement>(null);
  const create = useCreateToken();
  const permissions = permissionsFor(owner);
  const failedLookups = lookups.filter((query) => query.isError);
  const retrying = failedLookups.some((query) => query.isFetching);
  const ready = !!permissions?.length && !create.isPending;
  // The refusal sits above a long form: bring it into view (it is also announced, being an alert).
  useEffect(() => {
    if (create.error) refusalRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [create.error]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!ready) return;
    create.mutate({ orgID, description, permissions, ...(owner && { userID: owner.id }) }, { onSuccess: onCreated });
  }

  return (
    <Dialog
      size={shell.size}
      onClose={onClose}
      title={shell.title}
      onOpenAutoFocus={(event) => {
        event.preventDefault();
        descriptionRef.current?.focus();
      }}
      footer={
        <>
          {shell.footerNote !== undefined && (
            <p className="new-token-form__note" id={`${id}-note`} aria-live="polite">
              {shell.footerNote}
            </p>
          )}
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            form={`${id}-form`}
            className="btn btn--primary"
            disabled={!ready}
            aria-describedby={shell.footerNote !== undefined ? `${id}-note` : undefined}
          >
            {create.isPending ? 'Generating…' : 'Generate'}
          </button>
        </>
      }
    >
      <form id={`${id}-form`} onSubmit={submit} className="new-token-form">
        {shell.intro}
        <div>
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
        </div>
        <OwnerField value={owner} onChange={setOwner} />
        {create.error && (
          <div ref={refusalRef} className="callout callout--error" role="alert">
            <p>{createFailureText(create.error, 'create', names, owner)}</p>
            <p>Your choices are kept: change them and generate again.</p>
          </div>
        )}
        {failedLookups.length > 0 && (
          <div className="callout callout--error" role="alert">
            <p>Could not look up what to grant: {failedLookups[0]!.error!.message}</p>
            <button
              type="button"
              className="btn btn--small"
              disabled={retrying}
              onClick={() => failedLookups.forEach((query) => void query.refetch())}
            >
              {retrying ? 'Retrying…' : 'Retry'}
            </button>
          </div>
        )}
        {shell.children}
      </form>
    </Dialog>
  );
}
