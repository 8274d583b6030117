// $DATA_DIR/operator-token: the one place the operator token's plaintext lives (mode 0600),
// since the database keeps only its hash.
import { chmodSync, closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const OPERATOR_TOKEN_FILE = 'operator-token';

export function operatorTokenPath(dataDir: string): string {
  return join(dataDir, OPERATOR_TOKEN_FILE);
}

/** The path as one shell word, so the printed command works as pasted. */
function shellQuote(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

/** What a first start prints: where the token is and how to read it, never the token (logs are kept and shared). */
export function operatorTokenNotice(dataDir: string): string {
  const path = operatorTokenPath(dataDir);
  return `Operator token written to ${path} (mode 0600); read it with: cat ${shellQuote(path)}`;
}

/** Writes atomically and durably (temp file, fsync, rename) so a crash never leaves half a token. */
export function writeOperatorToken(dataDir: string, token: string): void {
  const path = operatorTokenPath(dataDir);
  const temp = `${path}.tmp-${process.pid}`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, `${token}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  chmodSync(temp, 0o600);
  renameSync(temp, path);
}

/** The token, or undefined when the file is missing. */
export function readOperatorToken(dataDir: string): string | undefined {
  try {
    return readFileSync(operatorTokenPath(dataDir), 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
