// How a token is named on the page and in messages.
export const NO_DESCRIPTION = '(no description)';

export function tokenLabel(description: string): string {
  return description.trim() === '' ? NO_DESCRIPTION : description;
}
