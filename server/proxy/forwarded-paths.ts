// The exact list of InfluxDB endpoints the browser may reach through the proxy; nothing else is ever sent upstream.
const FORWARDED = [
  /^\/api\/v2\/authorizations(\/[^/]+)*\/?$/,
  /^\/api\/v2\/me$/,
  /^\/api\/v2\/users(\/[^/]+)?$/,
  /^\/api\/v2\/orgs(\/[^/]+)?$/,
  /^\/api\/v2\/buckets$/,
  /^\/api\/v2\/resources$/,
  /^\/health$/,
  /^\/ping$/,
];

/** Forwarded for reading only: the page checks its credential against its own org (GET /api/v2/orgs/{id}). */
const READ_ONLY = /^\/api\/v2\/orgs\/[^/]+$/;

export function isReadOnlyPath(path: string): boolean {
  return READ_ONLY.test(path);
}

/** True for paths that go to InfluxDB. `path` is the validated raw path (see parseRequestTarget). */
export function isForwardedPath(path: string): boolean {
  return FORWARDED.some((pattern) => pattern.test(path));
}

/** Paths the app server owns as an API: never served as the app, never forwarded unless listed above. */
export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/') || isForwardedPath(path);
}
