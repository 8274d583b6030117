// Which compressed form of an answer a client accepts (RFC 9110 §12.5.3), and whether compressing is worth it.
import { isLoopbackHost } from './loopback';

export type Encoding = 'br' | 'gzip';

/**
 * The first of `offered` (in our order of preference) that `Accept-Encoding` accepts: named with q > 0, or covered
 * by `*` with q > 0 and not named with q=0. Null means send it as it is.
 */
export function preferredEncoding(
  acceptEncoding: string | string[] | undefined,
  offered: readonly Encoding[],
): Encoding | null {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : acceptEncoding;
  if (!header) return null;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const wildcard = weights.get('*');
  return offered.find((encoding) => (weights.get(encoding) ?? wildcard ?? 0) > 0) ?? null;
}

/** A client on this machine gains nothing from compression (loopback is faster than any compressor). */
export function isLoopbackClient(remoteAddress: string | undefined): boolean {
  if (!remoteAddress) return false;
  return isLoopbackHost(remoteAddress.replace(/^::ffff:/i, ''));
}

/** Text answers compress well; images, fonts and already-encoded bodies do not. */
export function isCompressibleType(contentType: string | string[] | undefined): boolean {
  const type = String(contentType ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  return type === 'application/json' || type.startsWith('text/') || type.endsWith('+json') || type === 'image/svg+xml';
}
