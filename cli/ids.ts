// InfluxDB IDs: 16 hex characters, not all zeros; input is case-insensitive, the server speaks lowercase.
import { usageError } from './errors';

const ID_PATTERN = /^[0-9a-f]{16}$/i;

export function isValidId(value: string): boolean {
  return ID_PATTERN.test(value) && !/^0+$/.test(value);
}

/** Returns the ID in lowercase, or throws a usage error naming the flag. */
export function parseId(value: string, flag: string): string {
  if (!isValidId(value)) {
    throw usageError(`invalid ID "${value}" for ${flag}: an InfluxDB ID is 16 hexadecimal characters (not all zeros)`);
  }
  return value.toLowerCase();
}
