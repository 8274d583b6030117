// Who may talk to the server: only pages it served itself (same origin) and non-browser clients (curl, the CLI).
// The Host check stops DNS rebinding; the Origin and Sec-Fetch-Site checks stop other sites riding on the server token.
import type { IncomingMessage } from 'node:http';

/** Host header values this server answers to. */
export function knownHostsFor(listenHost: string, port: number, allowedHosts: readonly string[]): Set<string> {
  const names = ['127.0.0.1', 'localhost', '[::1]'];
  const bare = listenHost.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare !== '0.0.0.0' && bare !== '::') names.push(bare.includes(':') ? `[${bare}]` : bare);
  const known = new Set<string>();
  for (const name of names) {
    known.add(`${name}:${port}`);
    if (port === 80) known.add(name);
  }
  for (const entry of allowedHosts) {
    const lower = entry.toLowerCase();
    known.add(lower);
    // "tokens.lan" also covers "tokens.lan:<port>"; an entry with a port matches only that port.
    if (!/:\d+$/.test(lower)) known.add(`${lower}:${port}`);
  }
  return known;
}

/** Why the Host header is refused, or null when it names this server. */
export function hostRefusal(req: IncomingMessage, known: ReadonlySet<string>): string | null {
  const host = req.headers.host?.toLowerCase();
  if (!host) return 'The request has no Host header.';
  if (known.has(host)) return null;
  return `This server is not known as "${host}". If you reach it by that name, add it to ALLOWED_HOSTS.`;
}

/** Why a browser request from another site is refused, or null when it comes from this server's own pages (or no browser). */
export function crossSiteRefusal(req: IncomingMessage): string | null {
  const origin = req.headers.origin;
  if (origin !== undefined) {
    let originHost: string | null = null;
    try {
      const url = new URL(origin);
      if (url.protocol === 'http:' || url.protocol === 'https:') originHost = url.host.toLowerCase();
    } catch {
      // "null" and garbage origins are foreign by definition.
    }
    if (originHost === null || originHost !== req.headers.host?.toLowerCase()) {
      return `Cross-origin request from ${JSON.stringify(origin)} refused: only pages served by this server may use it.`;
    }
  }
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') {
    return `Request from another site (Sec-Fetch-Site: ${site}) refused: only pages served by this server may use it.`;
  }
  return null;
}

/** A person following a link to the app from elsewhere: allowed to load the page, never the API. */
export function isTopLevelNavigation(req: IncomingMessage): boolean {
  return (
    (req.method === 'GET' || req.method === 'HEAD') &&
    req.headers['sec-fetch-mode'] === 'navigate' &&
    (req.headers['sec-fetch-dest'] ?? 'document') === 'document'
  );
}
