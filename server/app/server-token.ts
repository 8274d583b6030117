// The token the app server adds for the browser. A fixed value (INFLUX_TOKEN), or the stand-in's operator-token
// file, re-read on request: after `npm run standin:recovery -- create-operator` the open page picks up the new token.
import { readFileSync } from 'node:fs';

export interface ServerTokenSource {
  /** The token to add now, or undefined when the server holds none. */
  current(): string | undefined;
  /** Reads the file again (a no-op for a fixed token); true when the token changed. */
  reload(): boolean;
}

export function fixedServerToken(token: string | undefined): ServerTokenSource {
  return { current: () => token, reload: () => false };
}

/** Starts with `initial` (already read by the caller) and re-reads `path` on reload(); a missing file keeps the last token. */
export function fileServerToken(path: string, initial: string): ServerTokenSource {
  let token = initial;
  return {
    current: () => token,
    reload() {
      let text: string;
      try {
        text = readFileSync(path, 'utf8').trim();
      } catch {
        return false;
      }
      if (text === '' || text === token) return false;
      token = text;
      return true;
    },
  };
}
