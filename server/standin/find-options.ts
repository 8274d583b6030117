// Paging as InfluxDB 2.x takes and describes it (paging.go): DecodeFindOptions reads limit, offset, after,
// sortBy and descending, with its own error texts; NewPagingLinks writes the self, next and prev links of a
// bucket list. Orgs and users take the same options but answer only a `self` link.
import type { FastifyRequest } from 'fastify';
import { invalid } from './errors';
import { parseId } from './ids';
import { queryParam } from './replies';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface FindOptions {
  limit: number;
  /** As sent: InfluxDB takes any integer and skips nothing for one below 1. */
  offset: number;
  after?: string;
  sortBy?: string;
  descending: boolean;
}

/** Go's strconv.Atoi: an optional sign and decimal digits, within 64 bits. */
function atoi(text: string): number | undefined {
  if (!/^[+-]?\d+$/.test(text)) return undefined;
  const value = BigInt(text);
  return value >= -(2n ** 63n) && value < 2n ** 63n ? Number(value) : undefined;
}

/** Go's strconv.ParseBool. */
function parseBool(text: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return undefined;
}

/** DecodeFindOptions, in its order: offset, after, limit, sortBy, descending. */
export function decodeFindOptions(request: FastifyRequest): FindOptions {
  const options: FindOptions = { limit: DEFAULT_PAGE_SIZE, offset: 0, descending: false };
  const offset = queryParam(request, 'offset');
  if (offset !== '') {
    const value = atoi(offset);
    if (value === undefined) throw invalid('offset is invalid');
    options.offset = value;
  }
  const after = queryParam(request, 'after');
  if (after !== '') {
    try {
      options.after = parseId(after);
    } catch (error) {
      throw invalid(`decoding after: ${(error as Error).message}`);
    }
  }
  const limit = queryParam(request, 'limit');
  if (limit !== '') {
    const value = atoi(limit);
    if (value === undefined) throw invalid('limit is invalid');
    if (value < 1 || value > MAX_PAGE_SIZE) throw invalid(`limit must be between 1 and ${MAX_PAGE_SIZE}`);
    options.limit = value;
  }
  const sortBy = queryParam(request, 'sortBy');
  if (sortBy !== '') options.sortBy = sortBy;
  const descending = queryParam(request, 'descending');
  if (descending !== '') {
    const value = parseBool(descending);
    if (value === undefined) throw invalid('descending is invalid');
    options.descending = value;
  }
  return options;
}

/** Go's url.QueryEscape: letters, digits and -_.~ stay; a space is '+'; anything else is %XX of its UTF-8 bytes. */
function queryEscape(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** Go's url.Values.Encode: keys sorted, each key's values in the order added. */
export function encodeQuery(values: readonly (readonly [string, string])[]): string {
  const byKey = new Map<string, string[]>();
  for (const [key, value] of values) byKey.set(key, [...(byKey.get(key) ?? []), value]);
  return [...byKey.keys()]
    .sort()
    .flatMap((key) => byKey.get(key)!.map((value) => `${queryEscape(key)}=${queryEscape(value)}`))
    .join('&');
}

export interface PagingLinks {
  prev?: string;
  self: string;
  next?: string;
}

/**
 * NewPagingLinks: the filter's parameters and the options as sent. `next` is there when the page holds
 * `limit` items, counted after permission filtering, so a short page has none even where more follow.
 */
export function pagingLinks(
  path: string,
  options: FindOptions,
  filter: readonly (readonly [string, string])[],
  count: number,
): PagingLinks {
  const values: [string, string][] = filter.filter(([, value]) => value !== '').map(([k, v]) => [k, v]);
  values.push(['descending', String(options.descending)], ['offset', String(options.offset)]);
  if (options.after !== undefined) values.push(['after', options.after]);
  values.push(['limit', String(options.limit)]);
  if (options.sortBy !== undefined) values.push(['sortBy', options.sortBy]);
  const at = (offset: number) =>
    `${path}?${encodeQuery(values.map(([k, v]) => (k === 'offset' ? [k, String(offset)] : [k, v])))}`;
  return {
    ...(options.offset > 0 && { prev: at(Math.max(0, options.offset - options.limit)) }),
    self: at(options.offset),
    ...(count >= options.limit && { next: at(options.offset + options.limit) }),
  };
}
