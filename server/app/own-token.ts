// Which token the page itself runs on, so it can be marked and guarded: known exactly by the stand-in, matched
// by token string on an InfluxDB whose list returns them (OSS 2.7), unknowable where the list hides them (Cloud,
// OSS 2.8+ with hashed tokens). There the page narrows it down to the tokens of the token's own user.
export type OwnTokenState = 'active' | 'inactive' | 'refused' | 'unknown';

export interface OwnTokenAnswer {
  /** active/inactive: found, with id and description (inactive may come without them: InfluxDB said so, but not
   *  which token). refused: InfluxDB does not accept it (deleted or unknown). unknown: it works, but this InfluxDB
   *  does not say which of its tokens it is. */
  state: OwnTokenState;
  id?: string;
  description?: string;
  /** What InfluxDB said, for refused and inactive; why it cannot be known, for unknown. */
  message?: string;
  /** For unknown: the user the token belongs to (from /api/v2/me), when the token may read it. */
  userID?: string;
  /** Where the token comes from: the server (its file or INFLUX_TOKEN), or pasted in this tab. */
  source: 'server' | 'pasted';
  /** True when the server re-reads the stand-in's operator-token file, so recovery needs no restart. */
  recoverable: boolean;
}

export type IdentifyToken = (token: string) => Promise<Omit<OwnTokenAnswer, 'source' | 'recoverable'>>;

interface ListedAuthorization {
  id?: string;
  token?: string;
  status?: string;
  description?: string;
}

/** InfluxDB's answer to a request about one resource with an inactive token (auth.go, PermissionSet). */
export const TOKEN_INACTIVE = 'token is inactive';

const HIDDEN_STRINGS =
  'This InfluxDB does not return token strings (InfluxDB Cloud and OSS 2.8+ with hashed tokens do not), so the page cannot tell which token it runs on.';

/** Asks InfluxDB with the token itself: a 401 means refused; a list entry carrying the same string is the one. */
export function identifyByListing(upstreamUrl: string, timeoutMs: number): IdentifyToken {
  const get = async (path: string, token: string) => {
    const answer = await fetch(`${upstreamUrl}${path}`, {
      headers: { authorization: `Token ${token}`, accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await answer.text();
    let body: { message?: string; id?: string; authorizations?: ListedAuthorization[] } = {};
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      // handled by the callers, from the status
    }
    return { status: answer.status, body };
  };

  return async (token) => {
    const list = await get('/api/v2/authorizations', token);
    if (list.status === 401) return { state: 'refused', message: list.body.message ?? 'unauthorized access' };
    if (list.status !== 200) {
      return {
        state: 'unknown',
        message: `InfluxDB answered HTTP ${list.status}${list.body.message ? `: ${list.body.message}` : ''}.`,
      };
    }
    const found = list.body.authorizations?.find((a) => a.token === token);
    if (found?.id) {
      return {
        state: found.status === 'inactive' ? 'inactive' : 'active',
        id: found.id,
        description: found.description ?? '',
      };
    }
    // No match: an inactive token's list is empty too (InfluxDB leaves out what it may not read), so ask about one
    // resource, its own user, which answers 401 "token is inactive" for it, and names the user otherwise.
    const me = await get('/api/v2/me', token);
    if (me.status === 401 && me.body.message === TOKEN_INACTIVE) return { state: 'inactive', message: TOKEN_INACTIVE };
    if (me.status === 401 && me.body.message === 'unauthorized access')
      return { state: 'refused', message: me.body.message };
    return { state: 'unknown', message: HIDDEN_STRINGS, userID: me.status === 200 ? me.body.id : undefined };
  };
}
