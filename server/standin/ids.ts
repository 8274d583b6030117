// InfluxDB IDs: 64-bit, written as 16 lowercase hex characters, never all zeros.
// New IDs are time-ordered like the real server's snowflake IDs, so sorting by ID is creation order.
import { randomInt } from 'node:crypto';
import { invalid } from './errors';

const HEX16 = /^[0-9a-fA-F]{16}$/;
const ALL_ZEROS = /^0{16}$/;

/**
 * Parses an ID the way platform.ID.Decode does: exactly 16 hex characters, any case, not zero.
 * Returns the canonical lowercase form; throws 400 invalid otherwise.
 */
export function parseId(text: string): string {
  if (text.length !== 16) throw invalid('id must have a length of 16 bytes');
  if (!HEX16.test(text) || ALL_ZEROS.test(text)) throw invalid('invalid ID');
  return text.toLowerCase();
}

/** True when `text` is a canonical, valid ID. */
export function isValidId(text: string): boolean {
  return HEX16.test(text) && !ALL_ZEROS.test(text);
}

// Layout: 42 bits of milliseconds since 2020-01-01, 10 bits of generator id, 12 bits of sequence.
const EPOCH_MS = Date.UTC(2020, 0, 1);
const generatorId = BigInt(randomInt(1024));
let lastMs = 0n;
let sequence = 0n;

/** A new unique, time-ordered ID; strictly increasing within this process. */
export function newId(): string {
  let ms = BigInt(Date.now() - EPOCH_MS);
  if (ms <= lastMs) {
    ms = lastMs;
    sequence += 1n;
    if (sequence >= 4096n) {
      // More than 4096 IDs in one millisecond (bulk seeding): borrow the next millisecond.
      ms += 1n;
      sequence = 0n;
    }
  } else {
    sequence = 0n;
  }
  lastMs = ms;
  const value = (ms << 22n) | (generatorId << 12n) | sequence;
  return value.toString(16).padStart(16, '0');
}
