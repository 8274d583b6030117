// A pasted token lives only for this browser tab (sessionStorage), never in localStorage or the URL.
const KEY = 'influx-token-manager:token';

export function readStoredToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function storeToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage disabled (private mode): the token then lasts until the page reloads.
  }
}
