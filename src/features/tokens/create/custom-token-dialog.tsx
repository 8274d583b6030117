// "Custom API Token": a description and Read/Write choices per bucket and per resource type. Generate
// stays disabled until something is chosen; a refusal is shown in the dialog and every choice is kept.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import type { Authorization, PermissionAction, User } from '../../../../core/influx-types';
import { useSession } from '../../../lib/session/session-context';
import { lookupQueries } from '../api/lookup-queries';
import { useCreateToken } from '../api/use-create-token';
import { createFailureText } from '../model/create-failure';
import { grantableTypes } from '../../../../core/permissions';
import { customPermissions, NO_CHOICES, type CustomChoices } from '../model/new-token-permissions';
import { resourceNoun, resourceTitle } from '../model/resource-names';
import { DESCRIPTION_MAX_LENGTH } from '../list/description-editor';
import { OwnerField } from './owner-field';
import { PermissionChoices, type ChoiceRow } from './permission-choices';
import '../../../components/ui/controls.css';
import './custom-token-dialog.css';

interface CustomTokenDialogProps {
  orgID: string;
  orgName: string;
  onClose: () => void;
  onCreated: (token: Authorization) => void;
}

const ALL_BUCKETS = 'buckets';

function toggle(
  group: CustomChoices['types'],
  keys: readonly string[],
  action: PermissionAction,
  checked: boolean,
): CustomChoices['types'] {
  const next = { ...group };
  for (const key of keys) next[key] = { ...group[key], [action]: checked };
  return next;
}

/** The filter box matches a row's name or what it grants access to, ignoring case. */
function matchesFilter(row: ChoiceRow, needle: string): boolean {
  return !needle || `${row.label ?? ''} ${row.target}`.toLowerCase().includes(needle);
}

export function CustomTokenDialog({ orgID, orgName, onClose, onCreated }: CustomTokenDialogProps) {
  const { client } = useSession();
  const id = useId();
  const [description, setDescription] = useState('');
  const [choices, setChoices] = useState<CustomChoices>(NO_CHOICES);
  const [owner, setOwner] = useState<{ id: string; user?: User }>({ id: '' });
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const descriptionRef = useRef<HTMLInputElement>(null);
  const types = useQuery(lookupQueries.resourceTypes(client));
  const buckets = useQuery(lookupQueries.buckets(client, orgID));
  const create = useCreateToken();
  const permissions = customPermissions(choices, orgID);
  const formId = `${id}-form`;
  const helpId = `${id}-help`;
  const allBuckets = choices.types[ALL_BUCKETS] ?? {};
  const bucketNames = useMemo(() => new Map((buckets.data ?? []).map((b) => [b.id, b.name])), [buckets.data]);
  const refusalRef = useRef<HTMLDivElement>(null);
  // The refusal is at the top of a long form: bring it into view (it is also announced, being an alert).
  useEffect(() => {
    if (create.error) refusalRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [create.error]);

  const allBucketRows: ChoiceRow[] = [
    {
      key: ALL_BUCKETS,
      target: 'all buckets',
      label: 'All buckets',
      hint: `every bucket in ${orgName}, also future ones`,
      read: !!allBuckets.read,
      write: !!allBuckets.write,
    },
    ...(buckets.data ?? []).map((bucket) => ({
      key: bucket.id,
      target: `bucket ${bucket.name}`,
      label: bucket.name,
      hint: bucket.type === 'system' ? 'system bucket' : undefined,
      read: !!choices.buckets[bucket.id]?.read,
      write: !!choices.buckets[bucket.id]?.write,
      covered: { read: !!allBuckets.read, write: !!allBuckets.write },
    })),
  ];
  const allTypeRows: ChoiceRow[] = grantableTypes(types.data ?? [])
    .filter((type) => type !== ALL_BUCKETS)
    .map((type) => ({
      key: type,
      target: resourceNoun(type, 2),
      label: resourceTitle(type),
      read: !!choices.types[type]?.read,
      write: !!choices.types[type]?.write,
    }));

  const bucketRows = allBucketRows.filter((row) => matchesFilter(row, needle));
  const typeRows = allTypeRows.filter((row) => matchesFilter(row, needle));

  function onBucketChange(key: string, action: PermissionAction, checked: boolean) {
    setChoices((c) =>
      key === ALL_BUCKETS
        ? { ...c, types: toggle(c.types, [key], action, checked) }
        : { ...c, buckets: toggle(c.buckets, [key], action, checked) },
    );
  }

  function onBucketsChange(keys: string[], action: PermissionAction, checked: boolean) {
    setChoices((c) => ({ ...c, buckets: toggle(c.buckets, keys, action, checked) }));
  }

  function onTypeChange(key: string, action: PermissionAction, checked: boolean) {
    setChoices((c) => ({ ...c, types: toggle(c.types, [key], action, checked) }));
  }

  function onTypesChange(keys: string[], action: PermissionAction, checked: boolean) {
    setChoices((c) => ({ ...c, types: toggle(c.types, keys, action, checked) }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (permissions.length === 0 || create.isPending) return;
    create.mutate(
      { orgID, description, permissions, ...(owner.id ? { userID: owner.id } : {}) },
      { onSuccess: onCreated },
    );
  }

  const count = permissions.length;
  const lookupError = types.error ?? buckets.error;

  return (
    <ModalDialog
      open
      size="large"
      onOpenChange={(open) => !open && onClose()}
      title="Generate Custom API Token"
      onOpenAutoFocus={(event) => {
        event.preventDefault();
        descriptionRef.current?.focus();
      }}
      footer={
        <>
          <p className="custom-token__help" id={helpId} aria-live="polite">
            {count === 0
              ? 'Choose at least one permission to generate a token.'
              : `${count} ${count === 1 ? 'permission' : 'permissions'} chosen.`}
          </p>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            form={formId}
            className="btn btn--primary"
            disabled={count === 0 || create.isPending}
            aria-describedby={helpId}
          >
            {create.isPending ? 'Generating…' : 'Generate'}
          </button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} className="custom-token">
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
        <OwnerField value={owner.id} onChange={(userID, user) => setOwner({ id: userID, user })} />
        {create.error && (
          <div ref={refusalRef} className="callout callout--error form-alert" role="alert">
            <p>
              {createFailureText(
                create.error,
                'create',
                bucketNames,
                owner.user && { id: owner.user.id, name: owner.user.name },
              )}
            </p>
            <p>Your choices are kept: change them and generate again.</p>
          </div>
        )}
        {lookupError && (
          <div className="callout callout--error form-alert" role="alert">
            <p>Could not load the buckets and resource types: {lookupError.message}</p>
          </div>
        )}
        <div className="custom-token__filter">
          <label className="field-label" htmlFor={`${id}-filter`}>
            Filter buckets and resources
          </label>
          <input
            id={`${id}-filter`}
            type="search"
            className="input"
            value={filter}
            placeholder="e.g. telegraf"
            autoComplete="off"
            onChange={(e) => setFilter(e.target.value)}
          />
        </div>
        <div className="custom-token__groups">
          <PermissionChoices
            caption="Buckets"
            heading="Bucket"
            rows={bucketRows}
            onChange={onBucketChange}
            selectAll={{
              keys: bucketRows.filter((row) => row.key !== ALL_BUCKETS).map((row) => row.key),
              noun: 'bucket shown',
              onChange: onBucketsChange,
            }}
            empty={buckets.isPending ? 'Loading buckets…' : 'No bucket matches the filter.'}
          />
          {types.isPending ? (
            <p className="field-help" role="status">
              Loading resource types…
            </p>
          ) : (
            <PermissionChoices
              caption="Other resources"
              heading="Resource"
              rows={typeRows}
              onChange={onTypeChange}
              selectAll={{ keys: typeRows.map((row) => row.key), noun: 'resource type shown', onChange: onTypesChange }}
              empty="No resource type matches the filter."
            />
          )}
        </div>
      </form>
    </ModalDialog>
  );
}
