// Token strings and how they are stored: only a SHA-256 hash ever reaches the database.
import { createHash, randomFillSync } from 'node:crypto';

const TOKEN_BYTES = 64;
// Random bytes are drawn in blocks: one system call per 1024 tokens makes bulk seeding fast.
const pool = Buffer.alloc(TOKEN_BYTES * 1024);
let poolOffset = pool.length;

/** 64 random bytes, URL-safe base64 with padding: 88 characters ending in "==" (as InfluxDB's token generator). */
export function newToken(): string {
  if (poolOffset + TOKEN_BYTES > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const bytes = pool.subarray(poolOffset, poolOffset + TOKEN_BYTES);
  poolOffset += TOKEN_BYTES;
  const token = bytes.toString('base64url') + '==';
  bytes.fill(0); // a used block never lingers in memory
  return token;
}

/** Lookup key for a token: the SHA-256 of the token string (32 bytes). */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
