// "Who can do what": an action (any, read, write) and a resource (any, a type, or one bucket), kept in the URL.
import { useId } from 'react';
import { OSS_RESOURCE_TYPES, type Bucket } from '../../../lib/influx-types';
import type { ActionFilter, PermissionFilter } from '../model/permission-filter';
import { resourceTitle } from '../model/resource-names';

interface PermissionFilterFieldsProps {
  value: PermissionFilter | undefined;
  buckets: Bucket[];
  onChange: (value: PermissionFilter | undefined) => void;
}

const ANY = 'any';
const TYPES = OSS_RESOURCE_TYPES.filter((type) => type !== 'instance');

function resourceValue(filter: PermissionFilter | undefined): string {
  if (!filter?.type) return ANY;
  return filter.id ? `${filter.type}/${filter.id}` : filter.type;
}

export function PermissionFilterFields({ value, buckets, onChange }: PermissionFilterFieldsProps) {
  const id = useId();
  const action: ActionFilter = value?.action ?? 'any';
  const resource = resourceValue(value);

  function change(nextAction: ActionFilter, nextResource: string) {
    if (nextAction === 'any' && nextResource === ANY) return onChange(undefined);
    const [type, bucketID] = nextResource.split('/');
    onChange({ action: nextAction, type: type === ANY || !type ? null : type, ...(bucketID ? { id: bucketID } : {}) });
  }

  // A bookmarked bucket this token cannot list still shows as chosen, by its ID.
  const unknownBucket = value?.type === 'buckets' && value.id && !buckets.some((b) => b.id === value.id) ? value.id : null;

  return (
    <>
      <div className="tokens-toolbar__field">
        <label className="field-label" htmlFor={`${id}-action`}>
          Permission
        </label>
        <select id={`${id}-action`} className="select" value={action} onChange={(e) => change(e.target.value as ActionFilter, resource)}>
          <option value="any">Any</option>
          <option value="read">Read</option>
          <option value="write">Write</option>
        </select>
      </div>
      <div className="tokens-toolbar__field tokens-toolbar__field--resource">
        <label className="field-label" htmlFor={`${id}-resource`}>
          On resource
        </label>
        <select id={`${id}-resource`} className="select" value={resource} onChange={(e) => change(action, e.target.value)}>
          <option value={ANY}>Any resource</option>
          <optgroup label="Buckets">
            {buckets.map((bucket) => (
              <option key={bucket.id} value={`buckets/${bucket.id}`}>
                bucket: {bucket.name}
              </option>
            ))}
            {unknownBucket && <option value={`buckets/${unknownBucket}`}>bucket: {unknownBucket}</option>}
          </optgroup>
          <optgroup label="Any of a type">
            {TYPES.map((type) => (
              <option key={type} value={type}>
                {resourceTitle(type)} (any)
              </option>
            ))}
          </optgroup>
        </select>
      </div>
    </>
  );
}
