// Filter, status, owner and sort controls; every choice is written to the URL by the page.
import { useId, useState, type Ref } from 'react';
import type { Bucket } from '../../../../core/influx-types';
import { SORT_OPTIONS, type ListParams, type SortDir, type SortKey, type StatusFilter } from '../model/list-params';
import { FilterBox } from './filter-box';
import { PermissionFilterFields } from './permission-filter-fields';
import './tokens-toolbar.css';
import './tokens-toolbar-fold.css';

interface TokensToolbarProps {
  params: ListParams;
  owners: string[];
  /** The org's buckets, for the permission filter. */
  buckets: Bucket[];
  onChange: (change: Partial<ListParams>, options?: { replace?: boolean }) => void;
  filterRef: Ref<HTMLInputElement>;
}

const ALL_OWNERS = '';

export function TokensToolbar({ params, owners, buckets, onChange, filterRef }: TokensToolbarProps) {
  const id = useId();
  // A bookmarked owner that no longer owns a token still shows as chosen.
  const ownerOptions = params.owner && !owners.includes(params.owner) ? [params.owner, ...owners] : owners;
  // On narrow screens the fields fold behind "Filters", so the first token shows on the first screen.
  const [unfolded, setUnfolded] = useState(false);
  const active = (params.status !== 'all' ? 1 : 0) + (params.owner !== null ? 1 : 0) + (params.perm ? 1 : 0);
  return (
    <div className="tokens-toolbar" role="search" aria-label="Filter and sort tokens">
      <FilterBox
        ref={filterRef}
        value={params.q}
        // The first keystroke makes a history entry; the rest update it, so Back returns to before the search.
        onChange={(q) => onChange({ q }, { replace: params.q !== '' && q !== '' })}
      />
      <button
        type="button"
        className="btn tokens-toolbar__fold"
        aria-expanded={unfolded}
        aria-controls={`${id}-fields`}
        onClick={() => setUnfolded(!unfolded)}
      >
        Filters{active > 0 ? ` (${active})` : ''}
      </button>
      <div id={`${id}-fields`} className={`tokens-toolbar__fields${unfolded ? ' tokens-toolbar__fields--open' : ''}`}>
        <div className="tokens-toolbar__field">
          <label className="field-label" htmlFor={`${id}-status`}>
            Status
          </label>
          <select
            id={`${id}-status`}
            className="select"
            value={params.status}
            onChange={(e) => onChange({ status: e.target.value as StatusFilter })}
          >
            <option value="all">All</option>
            <option value="active">Active</option>
            <option value="inactive">Inactive</option>
          </select>
        </div>
        <div className="tokens-toolbar__field">
          <label className="field-label" htmlFor={`${id}-owner`}>
            Owner
          </label>
          <select
            id={`${id}-owner`}
            className="select"
            value={params.owner ?? ALL_OWNERS}
            onChange={(e) => onChange({ owner: e.target.value || null })}
          >
            <option value={ALL_OWNERS}>All</option>
            {ownerOptions.map((owner) => (
              <option key={owner} value={owner}>
                {owner}
              </option>
            ))}
          </select>
        </div>
        <PermissionFilterFields value={params.perm} buckets={buckets} onChange={(perm) => onChange({ perm })} />
        <div className="tokens-toolbar__field tokens-toolbar__field--sort">
          <label className="field-label" htmlFor={`${id}-sort`}>
            Sort by
          </label>
          <select
            id={`${id}-sort`}
            className="select"
            value={`${params.sort}:${params.dir}`}
            onChange={(e) => {
              const [sort, dir] = e.target.value.split(':') as [SortKey, SortDir];
              onChange({ sort, dir });
            }}
          >
            {SORT_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      </div>
    </div>
  );
}
