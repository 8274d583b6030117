// The app server's own requests to InfluxDB for governance: looking a token up before a change (with the caller's
// credential) and the scheduler's deactivation and deletion (with the server-held token). One origin, a timeout, no retries.
import { request } from 'undici';
import { InfluxError } from '../influx-error';
import type { TokenFacts } from './governance';

export interface UpstreamAnswer {
  status: number;
  body: unknown;
}

export type UpstreamCall = (
  method: 'GET' | 'PATCH' | 'DELETE',
  path: string,
  token: string | undefined,
  body?: unknown,
) => Promise<UpstreamAnswer>;

/** `baseUrl`: origin plus optional path prefix, no trailing slash. Network failures and timeouts throw. */
export function upstreamCaller(baseUrl: string, timeoutMs: number): UpstreamCall {
  return async (method, path, token, body) => {
    const response = await request(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(token && { authorization: `Token ${token}` }),
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const text = await response.body.text();
    return { status: response.statusCode, body: parseOrText(text) };
  };
}

function parseOrText(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The fields of an authorization the trail follows, from InfluxDB's JSON (its token string is never read). */
export function tokenFacts(json: unknown): TokenFacts | undefined {
  const auth = json as Partial<Record<string, unknown>> | null;
  if (!auth || typeof auth.id !== 'string' || typeof auth.orgID !== 'string') return undefined;
  return {
    id: auth.id,
    orgID: auth.orgID,
    description: typeof auth.description === 'string' ? auth.description : '',
    status: typeof auth.status === 'string' ? auth.status : 'active',
    permissions: Array.isArray(auth.permissions) ? auth.permissions : undefined,
  };
}

/** InfluxDB's own words for a refusal, as an InfluxError of the same status. */
export function upstreamRefusal(answer: UpstreamAnswer, what: string): InfluxError {
  const message = (answer.body as { message?: unknown } | undefined)?.message;
  const said = typeof message === 'string' && message ? message : `HTTP ${answer.status}`;
  if (answer.status === 401) return new InfluxError('unauthorized', `InfluxDB refused the credential: ${said}`);
  if (answer.status === 403) return new InfluxError('forbidden', `InfluxDB refused ${what}: ${said}`);
  return new InfluxError('unavailable', `InfluxDB answered ${answer.status} to ${what}: ${said}`, 502);
}
