// Why InfluxDB refused to create a token, in words a person can act on.
import { InfluxApiError } from '../../../lib/influx-client';

export function createFailureText(error: Error, verb: 'create' | 'clone' = 'create'): string {
  const what = verb === 'clone' ? 'clone this token' : 'create the token';
  if (error instanceof InfluxApiError && error.status === 403) {
    return `InfluxDB refused to ${what}: ${error.message}. A token can only grant permissions that the token you are signed in with holds itself: leave that permission out, or use a token that holds it.`;
  }
  if (error instanceof InfluxApiError && error.status === 401) {
    return `InfluxDB refused to ${what}: ${error.message}. The token you are signed in with may not create tokens here (it needs write access to this org's authorizations and to the user).`;
  }
  return `Could not ${what}: ${error.message}`;
}
