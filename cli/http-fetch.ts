// A `fetch` for the shared client built on undici's request(): the WHATWG fetch refuses "bad ports"
// (9, 6000, 10080, ...) that browsers block, which a command-line tool has no reason to refuse,
// and it hides the socket error behind "fetch failed".
import { request } from 'undici';

export const httpFetch: typeof fetch = async (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const method = init?.method ?? 'GET';
  const response = await request(url, {
    method: method as 'GET',
    headers: init?.headers as Record<string, string> | undefined,
    body: typeof init?.body === 'string' ? init.body : undefined,
    signal: init?.signal ?? undefined,
  });
  const body = await response.body.arrayBuffer();
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else if (value !== undefined) headers.set(name, value);
  }
  const noBody = response.statusCode === 204 || response.statusCode === 304 || method === 'HEAD';
  return new Response(noBody ? null : body, { status: response.statusCode, headers });
};
