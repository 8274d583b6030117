// Where picking another org in the header leads: the same view (tokens, Activity or Health) of the new org, with the
// filters that still mean something there. A filter naming one resource of the old org (a bucket in `perm`, a token
// ID in Activity's `token`) would match nothing in the new one, so it is dropped and said.
import { formatPermissionFilter, parsePermissionFilter } from '../features/tokens/model/permission-filter';

export interface OrgSwitch {
  /** Path and query to navigate to. */
  to: string;
  /** What was dropped, in words, for the note that says so; empty when every filter was kept. */
  dropped: string[];
}

const TOKEN_ID = /^[0-9a-f]{16}$/i;

/** `pathname` without the org prefix ("/tokens/abc", "/activity"), its query, and the new org's path prefix. */
export function orgSwitch(page: string, search: string, newBase: string): OrgSwitch {
  const params = new URLSearchParams(search);
  const dropped: string[] = [];
  let view = 'tokens';
  if (page.startsWith('/activity')) {
    view = 'activity';
    const token = params.get('token')?.trim();
    if (token && TOKEN_ID.test(token)) {
      params.delete('token');
      dropped.push(`the token filter (token ${token} belongs to the other org)`);
    }
  } else if (page.startsWith('/cleanup')) {
    view = 'cleanup';
  } else {
    const perm = parsePermissionFilter(params.get('perm'));
    if (perm?.id) {
      params.delete('perm');
      dropped.push(
        `the permission filter on one bucket (${formatPermissionFilter(perm)} is a bucket of the other org)`,
      );
    }
  }
  const query = params.toString();
  return { to: `${newBase}/${view}${query ? `?${query}` : ''}`, dropped };
}
