// Starts the stand-in on a data directory: opens (and on first start bootstraps) the database,
// then listens. The one module that binds a port; main.ts and tests call it.
import { buildStandin } from './app';
import { AUTH, StandinStore } from './store';
import { bootstrapIfEmpty } from './bootstrap';
import { operatorTokenNotice, operatorTokenPath, readOperatorToken } from './operator-token-file';
import { hashToken } from './tokens';
import { lingerOnClose } from '../lingering-close';
import { identifyStandinToken, type TokenIdentity } from './token-identity';

export interface StandinOptions {
  dataDir: string;
  /** Default 8086; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default: no logging. */
  log?: (line: string) => void;
}

export interface RunningStandin {
  /** e.g. http://127.0.0.1:43121 */
  url: string;
  operatorToken: string;
  /** $DATA_DIR/operator-token, which recovery rewrites. */
  operatorTokenFile: string;
  /** Which authorization a token is, and its status. */
  identifyToken(token: string): Promise<TokenIdentity>;
  orgID: string;
  orgName: string;
  close(): Promise<void>;
}

export async function startStandin(options: StandinOptions): Promise<RunningStandin> {
  const log = options.log ?? (() => {});
  const store = StandinStore.open(options.dataDir);
  try {
    const { created, operatorToken: newToken } = bootstrapIfEmpty(store);
    const operatorToken = newToken ?? readOperatorToken(options.dataDir);
    const path = operatorTokenPath(options.dataDir);
    if (operatorToken === undefined) {
      throw new Error(
        `${path} is missing, and the database keeps only token hashes, so the operator token cannot be recovered. ` +
          `Restore the file, or move ${options.dataDir} away to start with a fresh database.`,
      );
    }
    const operator = store.authorizationByTokenHash(hashToken(operatorToken));
    if (!operator) {
      throw new Error(
        `${path} holds a token this database does not know; restore the right file or start with a fresh ${options.dataDir}.`,
      );
    }
    // Bootstrap committed with a sync per commit; from here writers share flushes (see store.ts).
    store.enableGroupCommit();
    const app = buildStandin(store, { log });
    // A refused request (413, 431...) is answered while the client may still be sending: drain before closing.
    lingerOnClose(app.server);
    const url = await app.listen({ port: options.port ?? 8086, host: options.host ?? '127.0.0.1' });
    const org = store.listOrgs().find((o) => o.id === operator[AUTH.orgID]);
    if (created) {
      // Never the token itself: logs end up in scrollback, CI output and journald. Only where it is.
      log(operatorTokenNotice(options.dataDir));
    }
    // Last, so whoever waits for this line has seen everything before it.
    log(`InfluxDB stand-in listening on ${url} (data in ${options.dataDir})`);
    let closed = false;
    return {
      url,
      operatorToken,
      operatorTokenFile: path,
      identifyToken: async (token) => identifyStandinToken(store, token),
      orgID: operator[AUTH.orgID],
      orgName: org?.name ?? '',
      async close() {
        if (closed) return;
        closed = true;
        await app.close();
        store.close();
      },
    };
  } catch (error) {
    store.close();
    throw error;
  }
}
