// A yes/no question on the terminal; anything but "y" or "yes" means no.
import type { CliIo } from './io';

export async function confirm(io: CliIo, question: string): Promise<boolean> {
  io.stderr(`${question} [y/N] `);
  const answer = await io.readLine();
  return /^\s*y(es)?\s*$/i.test(answer ?? '');
}
