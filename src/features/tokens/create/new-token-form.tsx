// What both Generate dialogs and Clone share: the dialog, the description and owner fields, Cancel and Generate (or
// Clone), and what InfluxDB said when it refused (every choice is kept, so the person can change one and try again).
import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Dialog } from '../../../components/ui/dialog';
import type { Authorization, AuthorizationStatus, Permission } from '../../../../core/influx-types';
import { useCreateToken } from '../api/use-create-token';
import { createFailureText } from '../model/create-failure';
import { DESCRIPTION_MAX_LENGTH } from '../../../lib/token-label';
import { OwnerField, type Owner } from './owner-field';
import { useNewTokenExpiry, type CreatedNote } from './use-new-token-expiry';
import './new-token-form.css';

export interface NewTokenFormProps {
  orgID: string;
  onClose: () => void;
  /** `note`: what became of the expiry chosen (Generate), to say beside the new token. */
  onCreated: (token: Authorization, note?: CreatedNote) => void;
}

const ACTIONS = {
  generate: { label: 'Generate', busy: 'Generating…', verb: 'create', again: 'generate again' },
  clone: { label: 'Clone', busy: 'Cloning…', verb: 'clone', again: 'clone again' },
} as const;

interface FormShellProps extends NewTokenFormProps {
  title: string;
  size?: 'small' | 'large';
  /** What to grant, for this owner (undefined: the signed-in user); null while it cannot be known yet. */
  permissionsFor: (owner: Owner | undefined) => Permission[] | null;
  /** Generate (a new token) or Clone (a copy of one): the button's words and the refusal's. */
  action?: keyof typeof ACTIONS;
  /** What the fields start with (Clone: the original's); otherwise empty, and the signed-in user. */
  initial?: { description: string; owner: Owner };
  /** The new token's status; absent, InfluxDB makes it active. */
  status?: AuthorizationStatus;
  onCloseAutoFocus?: (event: Event) => void;
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

export function NewTokenForm({
  orgID,
  onClose,
  onCreated,
  permissionsFor,
  lookups,
  names,
  action = 'generate',
  initial,
  status,
  ...shell
}: FormShellProps) {
  const id = useId();
  const words = ACTIONS[action];
  const [description, setDescription] = useState(initial?.description ?? '');
  const [owner, setOwner] = useState<Owner | undefined>(initial?.owner);
  const descriptionRef = useRef<HTMLInputElement>(null);
  const refusalRef = useRef<HTMLDivElement>(null);
  const create = useCreateToken(action === 'clone' ? 'clone' : undefined);
  // Generate asks when the token expires (Clone does not: the copy starts without one).
  const expiry = useNewTokenExpiry(orgID, action === 'generate');
  const [settingExpiry, setSettingExpiry] = useState(false);
  const permissions = permissionsFor(owner);
  const failedLookups = lookups.filter((query) => query.isError);
  const retrying = failedLookups.some((query) => query.isFetching);
  const ready = !!permissions?.length && !create.isPending && !settingExpiry;
  // The refusal sits above a long form: bring it into view (it is also announced, being an alert).
  useEffect(() => {
    if (create.error) refusalRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [create.error]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!ready) return;
    // A wrong expiry is said before anything is sent.
    const expiresAt = expiry.check();
    if (expiresAt === false) return;
    create.mutate(
      { orgID, description, permissions, ...(owner && { userID: owner.id }), ...(status && { status }) },
      {
        onSuccess: (created) => {
          if (expiresAt === undefined || expiresAt === null) return onCreated(created);
          setSettingExpiry(true);
          void expiry.apply(created, expiresAt).then((note) => onCreated(created, note));
        },
      },
    );
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
      onCloseAutoFocus={shell.onCloseAutoFocus}
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
            {create.isPending ? words.busy : settingExpiry ? 'Setting its expiry…' : words.label}
          </button>
        </>
      }
    >
      <form id={`${id}-form`} onSubmit={submit} className="new-token-form" noValidate>
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
        {expiry.field}
        {create.error && (
          <div ref={refusalRef} className="callout callout--error" role="alert">
            <p>{createFailureText(create.error, words.verb, names, owner)}</p>
            <p>Your choices are kept: change them and {words.again}.</p>
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
