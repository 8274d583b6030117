// What the stand-in keeps on disk: integrity of the SQLite file, and whether any token string is in it.
import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const DATABASE_FILES = ['standin.sqlite', 'standin.sqlite-wal', 'standin.sqlite-shm'];

/** PRAGMA integrity_check and foreign_key_check on a second connection (WAL lets it run beside the server). */
export function checkIntegrity(dataDir: string): { integrity: string[]; foreignKeyProblems: number } {
  const db = new Database(join(dataDir, 'standin.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    const integrity = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    const foreignKeys = db.pragma('foreign_key_check') as unknown[];
    return { integrity: integrity.map((row) => row.integrity_check), foreignKeyProblems: foreignKeys.length };
  } finally {
    db.close();
  }
}

/** Names of database files (main, WAL, shared memory) whose raw bytes contain any of the tokens. */
export function filesHoldingTokens(dataDir: string, tokens: readonly string[]): string[] {
  const found: string[] = [];
  for (const name of DATABASE_FILES) {
    const path = join(dataDir, name);
    if (!existsSync(path)) continue;
    const bytes = readFileSync(path);
    for (const token of tokens) {
      // The token in UTF-8 and, in case anything ever wrote UTF-16, in UTF-16LE; a half token counts.
      for (const needle of [token.slice(0, 44), token.slice(44)]) {
        if (bytes.includes(Buffer.from(needle, 'utf8')) || bytes.includes(Buffer.from(needle, 'utf16le'))) {
          found.push(name);
        }
      }
    }
  }
  return [...new Set(found)];
}

/** Every text or blob cell of every table, to check no column holds a token. */
export function cellsHoldingTokens(dataDir: string, tokens: readonly string[]): string[] {
  const db = new Database(join(dataDir, 'standin.sqlite'), { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    const found: string[] = [];
    for (const table of tables) {
      for (const row of db.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][]) {
        for (const value of row) {
          const text = Buffer.isBuffer(value) ? value.toString('latin1') : String(value);
          if (tokens.some((token) => text.includes(token.slice(0, 44)) || text.includes(token.slice(44))))
            found.push(table);
        }
      }
    }
    return found;
  } finally {
    db.close();
  }
}
