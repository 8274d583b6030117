// Plain HTTP calls for the resilience tests: any method, headers and body; every answer goes past a LeakWatch.
import { request, type Dispatcher } from 'undici';
import type { LeakWatch } from './leak-watch';

export interface ApiAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json(): any;
}

export interface ApiCall {
  method?: string;
  /** Sent as `Authorization: Token <token>`; omit for none. */
  token?: string;
  headers?: Record<string, string>;
  /** An object is sent as JSON with Content-Type: application/json. */
  body?: string | Buffer | object;
  dispatcher?: Dispatcher;
}

export async function api(base: string, path: string, call: ApiCall, watch?: LeakWatch): Promise<ApiAnswer> {
  const headers: Record<string, string> = { ...call.headers };
  if (call.token !== undefined) headers.authorization = `Token ${call.token}`;
  let body: string | Buffer | undefined;
  if (typeof call.body === 'string' || Buffer.isBuffer(call.body)) body = call.body;
  else if (call.body !== undefined) {
    body = JSON.stringify(call.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await request(`${base}${path}`, {
    method: (call.method ?? 'GET') as 'GET',
    headers,
    body,
    ...(call.dispatcher && { dispatcher: call.dispatcher }),
  });
  const text = await response.body.text();
  watch?.check(`${call.method ?? 'GET'} ${path} -> ${response.statusCode}`, JSON.stringify(response.headers) + text);
  return {
    status: response.statusCode,
    headers: response.headers,
    text,
    json: () => JSON.parse(text),
  };
}
