// The list's view, read from and written to the URL query.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { applyListParams, parseListParams, type ListParams } from '../model/list-params';

export type UpdateListParams = (change: Partial<ListParams>, options?: { replace?: boolean }) => void;

export function useListParams(): [ListParams, UpdateListParams] {
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();
  const params = useMemo(() => parseListParams(new URLSearchParams(search)), [search]);
  const update = useCallback<UpdateListParams>(
    (change, options) =>
      setSearchParams((previous) => applyListParams(previous, change), {
        replace: options?.replace,
        preventScrollReset: true,
      }),
    [setSearchParams],
  );
  return [params, update];
}
