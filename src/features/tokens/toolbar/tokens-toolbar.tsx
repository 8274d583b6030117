// Filter, status, owner and sort controls; every choice is written to the URL by the page.
import { useId, useState, type Ref } from 'react';
import { SelectField } from '../../../components/ui/select-field';
import type { Bucket } from '../../../../core/influx-types';
import { EXPIRY_FILTER_LABELS, EXPIRY_FILTERS, type ExpiryFilter } from '../model/expiry';
import { SORT_OPTIONS, type ListParams, type SortDir, type SortKey, type StatusFilter } from '../model/list-params';
import type { UpdateListParams } from './use-list-params';
import { FilterBox } from './filter-box';
import { PermissionFilterFields } from './permission-filter-fields';
import './tokens-toolbar.css';

interface TokensToolbarProps {
  params: ListParams;
  owners: string[];
  /** The org's buckets, for the permission filter. */
  buckets: Bucket[];
  onChange: UpdateListParams;
  filterRef: Ref<HTMLInputElement>;
}

export function TokensToolbar({ params, owners, buckets, onChange, filterRef }: TokensToolbarProps) {
  const id = useId();
  // A bookmarked owner that no longer owns a token still shows as chosen.
  const ownerOptions = params.owner && !owners.includes(params.owner) ? [params.owner, ...owners] : owners;
  // On narrow screens the fields fold behind "Filters", so the first token shows on the first screen.
  const [unfolded, setUnfolded] = useState(false);
  const active =
    (params.status !== 'all' ? 1 : 0) +
    (params.owner !== null ? 1 : 0) +
    (params.perm ? 1 : 0) +
    (params.expiry ? 1 : 0);
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
        <SelectField
          className="tokens-toolbar__field"
          label="Status"
          value={params.status}
          onChange={(status) => onChange({ status: status as StatusFilter })}
        >
          <option value="all">All</option>
          <option value="active">Active</option>
          <option value="inactive">Inactive</option>
        </SelectField>
        <SelectField
          className="tokens-toolbar__field"
          label="Owner"
          value={params.owner ?? ''}
          onChange={(owner) => onChange({ owner: owner || null })}
        >
          <option value="">All</option>
          {ownerOptions.map((owner) => (
            <option key={owner} value={owner}>
              {owner}
            </option>
          ))}
        </SelectField>
        <PermissionFilterFields value={params.perm} buckets={buckets} onChange={(perm) => onChange({ perm })} />
        <SelectField
          className="tokens-toolbar__field"
          label="Expiry"
          value={params.expiry ?? ''}
          onChange={(expiry) => onChange({ expiry: (expiry || undefined) as ExpiryFilter | undefined })}
        >
          <option value="">Any expiry</option>
          {EXPIRY_FILTERS.map((filter) => (
            <option key={filter} value={filter}>
              {EXPIRY_FILTER_LABELS[filter]}
            </option>
          ))}
        </SelectField>
        <SelectField
          className="tokens-toolbar__field tokens-toolbar__field--sort"
          label="Sort by"
          value={`${params.sort}:${params.dir}`}
          onChange={(value) => {
            const [sort, dir] = value.split(':') as [SortKey, SortDir];
            onChange({ sort, dir });
          }}
        >
          {SORT_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </SelectField>
      </div>
    </div>
  );
}
