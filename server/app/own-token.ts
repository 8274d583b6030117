// Which token the page itself runs on, so it can be marked and guarded: known exactly by the stand-in, matched
// by token string on an InfluxDB whose list returns them (OSS 2.x), unknowable where the list hides them (Cloud).
export type OwnTokenState = 'active' | 'inactive' | 'refused' | 'unknown';

export interface OwnTokenAnswer {
  /** active/inactive: found, with id and description. refused: InfluxDB does not accept it (deleted, unknown or
   *  inactive). unknown: it works, but this InfluxDB does not say which of its tokens it is. */
  state: OwnTokenState;
  id?: string;
  description?: string;
  /** What InfluxDB said, for refused; why it cannot be known, for unknown. */
  message?: string;
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

/** Asks InfluxDB with the token itself: a 401 means refused; a list entry carrying the same string is the one. */
export function identifyByListing(upstreamUrl: string, timeoutMs: number): IdentifyToken {
  return async (token) => {
    const answer = await fetch(`${upstreamUrl}/api/v2/authorizations`, {
      headers: { authorization: `Token ${token}`, accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await answer.text();
    let body: { message?: string; authorizations?: ListedAuthorization[] } = {};
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      // handled below
    }
    if (answer.status === 401) return { state: 'refused', message: body.message ?? 'unauthorized access' };
    if (answer.status !== 200) {
      return {
        state: 'unknown',
        message: `InfluxDB answered HTTP ${answer.status}${body.message ? `: ${body.message}` : ''}.`,
      };
    }
    const found = body.authorizations?.find((a) => a.token === token);
    if (!found?.id) {
      return {
        state: 'unknown',
        message:
          'This InfluxDB does not return token strings (InfluxDB Cloud does not), so the page cannot tell which token it runs on.',
      };
    }
    return {
      state: found.status === 'inactive' ? 'inactive' : 'active',
      id: found.id,
      description: found.description ?? '',
    };
  };
}
