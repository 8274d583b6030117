// "Custom API Token": a description and Read/Write choices per bucket and per resource type. Generate
// stays disabled until something is chosen; a refusal is shown in the dialog and every choice is kept. A list that
// could not be loaded says so where it would be, with Retry.
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import type { PermissionAction } from '../../../../core/influx-types';
import { useSession } from '../../../lib/session/session-context';
import { lookupQueries } from '../api/lookup-queries';
import { grantableTypes } from '../../../../core/permissions';
import { customPermissions, NO_CHOICES, type CustomChoices } from '../model/new-token-permissions';
import { resourceNoun, resourceTitle } from '../model/resource-names';
import { NewTokenForm, type NewTokenFormProps } from './new-token-form';
import { PermissionChoices, type ChoiceRow } from './permission-choices';
import './custom-token-dialog.css';

const ALL_BUCKETS = 'buckets';

/** A lookup's failure, for its table: what could not be loaded and why, with Retry. */
function failureOf(query: UseQueryResult, what: string) {
  if (!query.isError) return undefined;
  return {
    text: `Could not load ${what}: ${query.error.message}`,
    retrying: query.isFetching,
    onRetry: () => void query.refetch(),
  };
}

export function CustomTokenDialog({ orgName, ...form }: NewTokenFormProps & { orgName: string }) {
  const { orgID } = form;
  const { client } = useSession();
  const id = useId();
  const [choices, setChoices] = useState<CustomChoices>(NO_CHOICES);
  const [filter, setFilter] = useState('');
  const types = useQuery(lookupQueries.resourceTypes(client));
  const buckets = useQuery(lookupQueries.buckets(client, orgID));
  const permissions = customPermissions(choices, orgID);
  const allBuckets = choices.types[ALL_BUCKETS];
  const bucketNames = useMemo(() => new Map((buckets.data ?? []).map((b) => [b.id, b.name])), [buckets.data]);
  // The filter box matches a row's name or what it grants access to, ignoring case.
  const needle = filter.trim().toLowerCase();
  const matches = (row: ChoiceRow) => `${row.label ?? ''} ${row.target}`.toLowerCase().includes(needle);

  const bucketRows = [
    {
      key: ALL_BUCKETS,
      target: 'all buckets',
      label: 'All buckets',
      hint: `every bucket in ${orgName}, also future ones`,
      chosen: allBuckets,
    },
    ...(buckets.data ?? []).map((bucket) => ({
      key: bucket.id,
      target: `bucket ${bucket.name}`,
      label: bucket.name,
      hint: bucket.type === 'system' ? 'system bucket' : undefined,
      chosen: choices.buckets[bucket.id],
      covered: allBuckets,
    })),
  ].filter(matches);
  const typeRows = grantableTypes(types.data ?? [])
    .filter((type) => type !== ALL_BUCKETS)
    .map((type) => ({
      key: type,
      target: resourceNoun(type, 2),
      label: resourceTitle(type),
      chosen: choices.types[type],
    }))
    .filter(matches);

  const change = (group: keyof CustomChoices) => (keys: string[], action: PermissionAction, checked: boolean) => {
    // "All buckets" is one choice for the whole type, kept with the types.
    const into = keys[0] === ALL_BUCKETS ? 'types' : group;
    setChoices((c) => {
      const next = { ...c[into] };
      for (const key of keys) next[key] = { ...next[key], [action]: checked };
      return { ...c, [into]: next };
    });
  };

  const count = permissions.length;

  return (
    <NewTokenForm
      {...form}
      title="Generate Custom API Token"
      size="large"
      // Each list's failure is said in its own table.
      lookups={[]}
      permissionsFor={() => permissions}
      names={bucketNames}
      footerNote={
        count === 0
          ? 'Choose at least one permission to generate a token.'
          : `${count} ${count === 1 ? 'permission' : 'permissions'} chosen.`
      }
    >
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
          onChange={change('buckets')}
          selectAll={{ noun: 'bucket shown', except: ALL_BUCKETS }}
          empty={buckets.isPending ? 'Loading buckets…' : 'No bucket matches the filter.'}
          failure={failureOf(buckets, 'the buckets')}
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
            onChange={change('types')}
            selectAll={{ noun: 'resource type shown' }}
            empty="No resource type matches the filter."
            failure={failureOf(types, 'the resource types')}
          />
        )}
      </div>
    </NewTokenForm>
  );
}
