// Counts as the page writes them: "1,234", "1 token", "2 of 3 tokens".
const number = new Intl.NumberFormat('en-US');

export const formatCount = (count: number) => number.format(count);

export function tokensNoun(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'token' : 'tokens'}`;
}

/** "3 tokens", or "2 of 3 tokens" while filters narrow the list. */
export function tokenCountText(shown: number, total: number, filtered: boolean): string {
  return filtered ? `${formatCount(shown)} of ${tokensNoun(total)}` : tokensNoun(total);
}

/**
 * The count while the list is still arriving, or broke off: "1,200 tokens so far — loading…", "12 of 1,200 tokens
 * so far — loading…" (filters and sorting apply to what has arrived), "1,200 tokens — list incomplete".
 */
export function partialCountText(shown: number, arrived: number, filtered: boolean, failed: boolean): string {
  const count = tokenCountText(shown, arrived, filtered);
  return failed ? `${count} — list incomplete` : `${count} so far — loading…`;
}
