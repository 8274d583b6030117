// "Who can do what": an action (any, read, write) and a resource (any, a type, or one bucket), kept in the URL.
import { useState } from 'react';
import { SelectField } from '../../../components/ui/select-field';
import { OSS_RESOURCE_TYPES, type Bucket } from '../../../../core/influx-types';
import { formatPermissionFilter, type ActionFilter, type PermissionFilter } from '../model/permission-filter';
import { resourceTitle } from '../model/resource-names';

interface PermissionFilterFieldsProps {
  value: PermissionFilter | undefined;
  buckets: Bucket[];
  onChange: (value: PermissionFilter | undefined) => void;
}

const ANY = 'any';
const TYPES = OSS_RESOURCE_TYPES.filter((type) => type !== 'instance');

interface Choice {
  action: ActionFilter;
  resource: string;
  /** The URL value this choice last took into account. */
  seen: string;
  /** Values chosen here that the URL may still show on its way to this choice (router updates are transitions). */
  sent: string[];
}

const keyOf = (filter: PermissionFilter | undefined) => (filter ? formatPermissionFilter(filter) : '');

/** The choice the URL's filter shows. */
function fromUrl(filter: PermissionFilter | undefined): Choice {
  const resource = !filter?.type ? ANY : filter.id ? `${filter.type}/${filter.id}` : filter.type;
  return { action: filter?.action ?? 'any', resource, seen: keyOf(filter), sent: [] };
}

function toFilter(action: ActionFilter, resource: string): PermissionFilter | undefined {
  if (action === 'any' && resource === ANY) return undefined;
  const [type, bucketID] = resource.split('/');
  return { action, type: type === ANY || !type ? null : type, ...(bucketID ? { id: bucketID } : {}) };
}

export function PermissionFilterFields({ value, buckets, onChange }: PermissionFilterFieldsProps) {
  const valueKey = keyOf(value);
  const [choice, setChoice] = useState(() => fromUrl(value));
  let current = choice;
  if (valueKey !== choice.seen) {
    // The URL moved: an echo of a choice made here keeps the newer choice; anything else (Back, Clear filters) wins.
    const caughtUp = valueKey === keyOf(toFilter(choice.action, choice.resource));
    current = choice.sent.includes(valueKey)
      ? { ...choice, seen: valueKey, sent: caughtUp ? [] : choice.sent }
      : fromUrl(value);
    setChoice(current);
  }
  const { action, resource } = current;

  function change(nextAction: ActionFilter, nextResource: string) {
    const filter = toFilter(nextAction, nextResource);
    setChoice((c) => ({
      ...c,
      action: nextAction,
      resource: nextResource,
      sent: [...c.sent.slice(-10), keyOf(filter)],
    }));
    onChange(filter);
  }

  // A bookmarked bucket this token cannot list still shows as chosen, by its ID.
  const unknownBucket =
    value?.type === 'buckets' && value.id && !buckets.some((b) => b.id === value.id) ? value.id : null;

  return (
    <>
      <SelectField
        className="tokens-toolbar__field"
        label="Permission"
        value={action}
        onChange={(next) => change(next as ActionFilter, resource)}
      >
        <option value="any">Any</option>
        <option value="read">Read</option>
        <option value="write">Write</option>
      </SelectField>
      <SelectField
        className="tokens-toolbar__field tokens-toolbar__field--resource"
        label="On resource"
        value={resource}
        onChange={(next) => change(action, next)}
      >
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
      </SelectField>
    </>
  );
}
