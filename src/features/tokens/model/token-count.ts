const number = new Intl.NumberFormat('en-US');

/** "3 tokens", or "2 of 3 tokens" while filters narrow the list. */
export function tokenCountText(shown: number, total: number, filtered: boolean): string {
  const noun = total === 1 ? 'token' : 'tokens';
  return filtered ? `${number.format(shown)} of ${number.format(total)} ${noun}` : `${number.format(total)} ${noun}`;
}

/**
 * The count while the list is still arriving, or broke off: "1,200 tokens so far — loading…", "12 of 1,200 tokens
 * so far — loading…" (filters and sorting apply to what has arrived), "1,200 tokens — list incomplete".
 */
export function partialCountText(shown: number, arrived: number, filtered: boolean, failed: boolean): string {
  const count = tokenCountText(shown, arrived, filtered);
  return failed ? `${count} — list incomplete` : `${count} so far — loading…`;
}
