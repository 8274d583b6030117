const number = new Intl.NumberFormat('en-US');

/** "3 tokens", or "2 of 3 tokens" while filters narrow the list. */
export function tokenCountText(shown: number, total: number, filtered: boolean): string {
  const noun = total === 1 ? 'token' : 'tokens';
  return filtered ? `${number.format(shown)} of ${number.format(total)} ${noun}` : `${number.format(total)} ${noun}`;
}
