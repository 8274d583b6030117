// The stand-in's twin of `influxd recovery auth create-operator` (run by recovery-main.ts). Makes a new operator token for that user and org straight in the
// database (the stand-in may be running) and writes it to $DATA_DIR/operator-token, which the app server
// re-reads, so an open page works again after "Try again". Never prints the token.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BOOTSTRAP_ADMIN, BOOTSTRAP_ORG } from './bootstrap';
import { storeNewAuthorization } from './new-authorization';
import { operatorTokenPath, writeOperatorToken } from './operator-token-file';
import { operatorPermissions } from './permissions';
import { AUTH, DATABASE_FILE, StandinStore } from './store';

export interface RecoveryOptions {
  dataDir: string;
  /** Org name; default: the first start's org (my-org, where its operator token lives), else the only org. */
  org?: string;
  /** Default "admin". */
  username?: string;
}

export interface RecoveryResult {
  id: string;
  description: string;
  path: string;
}

/** Throws an Error whose message says what to fix. */
export function createOperatorToken(options: RecoveryOptions): RecoveryResult {
  if (!existsSync(join(options.dataDir, DATABASE_FILE))) {
    throw new Error(
      `${join(options.dataDir, DATABASE_FILE)} does not exist: set DATA_DIR to the stand-in's data folder.`,
    );
  }
  const store = StandinStore.open(options.dataDir);
  try {
    const orgs = store.listOrgs();
    // influxd asks for --org; the page's recovery command has none, and the first start makes two orgs.
    const org =
      options.org === undefined
        ? (orgs.find((o) => o.name === BOOTSTRAP_ORG) ?? (orgs.length === 1 ? orgs[0] : undefined))
        : orgs.find((o) => o.name === options.org);
    if (!org) {
      const names = orgs.map((o) => o.name).join(', ');
      throw new Error(
        options.org === undefined
          ? `Several orgs (${names}): choose one with --org.`
          : `No org named "${options.org}" (orgs: ${names}).`,
      );
    }
    const username = options.username ?? BOOTSTRAP_ADMIN;
    const users = store.listUsers();
    const user = users.find((u) => u.name === username);
    if (!user) throw new Error(`No user named "${username}" (users: ${users.map((u) => u.name).join(', ')}).`);
    const description = `${username}'s Recovery Token`;
    const { row, token } = storeNewAuthorization(store, {
      status: 'active',
      description,
      orgID: org.id,
      userID: user.id,
      permissions: operatorPermissions(),
    });
    writeOperatorToken(options.dataDir, token);
    return { id: row[AUTH.id], description, path: operatorTokenPath(options.dataDir) };
  } finally {
    store.close();
  }
}
