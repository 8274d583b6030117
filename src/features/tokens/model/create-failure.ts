// Why InfluxDB refused to create a token, in words a person can act on.
import { InfluxApiError } from '../../../../core/influx-client';

/**
 * `names` maps resource IDs to names (e.g. bucket IDs), so "permission write:orgs/…/buckets/0cb1… is not allowed"
 * also says which bucket that is.
 */
export function createFailureText(
  error: Error,
  verb: 'create' | 'clone' = 'create',
  names?: ReadonlyMap<string, string>,
  /** The chosen owner, when not the signed-in user. */
  owner?: { id: string; name: string },
): string {
  const what = verb === 'clone' ? 'clone this token' : 'create the token';
  if (!(error instanceof InfluxApiError)) return `Could not ${what}: ${error.message}`;
  // Refused because the signed-in token may not act for the chosen owner ("write:users/<id> is unauthorized").
  if (owner && (error.status === 401 || error.status === 403) && error.message.includes(`users/${owner.id}`)) {
    return `InfluxDB refused to create a token for ${owner.name}: ${error.message}. The token you are signed in with may not act for ${owner.name} (it needs write access to that user): choose yourself as the owner, or sign in with a token that may.`;
  }
  if (error.status === 403) {
    const id = /\/buckets\/([0-9a-f]{16})\b/.exec(error.message)?.[1];
    const name = id ? names?.get(id) : undefined;
    const which = name ? ` (that is bucket “${name}”)` : '';
    return `InfluxDB refused to ${what}: ${error.message}${which}. A token can only grant permissions that the token you are signed in with holds itself: leave that permission out, or use a token that holds it.`;
  }
  if (error.status === 401) {
    return `InfluxDB refused to ${what}: ${error.message}. The token you are signed in with may not create tokens here (it needs write access to this org's authorizations and to the user).`;
  }
  return `Could not ${what}: ${error.message}`;
}
