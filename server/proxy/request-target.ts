// Validates the raw request target before anything routes on it, so no spelling of a path can climb out of
// the static folder or make the proxy ask for something other than <configured origin><path>.

export type RequestTarget =
  | {
      ok: true;
      /** raw path, still percent-encoded as sent */ path: string;
      /** "" or "?..." as sent */ search: string;
    }
  | { ok: false; reason: string };

export function parseRequestTarget(rawUrl: string | undefined): RequestTarget {
  if (!rawUrl || !rawUrl.startsWith('/')) {
    return refuse('only paths such as /api/v2/authorizations are accepted (absolute URLs and "*" are refused)');
  }
  const queryAt = rawUrl.indexOf('?');
  const path = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
  const search = queryAt === -1 ? '' : rawUrl.slice(queryAt);
  if (path.startsWith('//')) return refuse('a path may not start with "//"');
  if (path.includes('\\')) return refuse('a path may not contain a backslash');
  if (/%(2f|5c)/i.test(path)) return refuse('a path may not contain an encoded slash or backslash (%2F, %5C)');
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return refuse('the path has malformed percent-encoding');
  }
  if (/%(2e|2f|5c)/i.test(decoded)) return refuse('the path is percent-encoded twice');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(decoded)) return refuse('the path contains control characters');
  if (decoded.split('/').some((segment) => segment === '..' || segment === '.')) {
    return refuse('a path may not contain "." or ".." segments');
  }
  return { ok: true, path, search };
}

function refuse(reason: string): RequestTarget {
  return { ok: false, reason: `Bad request path: ${reason}` };
}
