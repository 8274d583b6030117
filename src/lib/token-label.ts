// How a token is named on the page and in messages.
export const NO_DESCRIPTION = '(no description)';

/** The longest description the page lets a person type (InfluxDB sets none; its own page allows 90). */
export const DESCRIPTION_MAX_LENGTH = 255;

export function tokenLabel(description: string): string {
  return description.trim() === '' ? NO_DESCRIPTION : closeBidiControls(description);
}

const EMBEDDINGS = new Set(['\u202A', '\u202B', '\u202D', '\u202E']); // LRE, RLE, LRO, RLO
const ISOLATES = new Set(['\u2066', '\u2067', '\u2068']); // LRI, RLI, FSI
const PDF = '\u202C';
const PDI = '\u2069';

/**
 * Keeps a description's direction controls inside the description: an unclosed right-to-left override would
 * otherwise reverse the words that follow the name in a message ("Token “…” deactivated"). Opened controls are
 * closed at the end; closers with nothing of the description's to close are dropped.
 */
export function closeBidiControls(text: string): string {
  if (!/[\u202A-\u202E\u2066-\u2069]/.test(text)) return text;
  const open: ('embedding' | 'isolate')[] = [];
  let out = '';
  for (const char of text) {
    if (EMBEDDINGS.has(char)) open.push('embedding');
    else if (ISOLATES.has(char)) open.push('isolate');
    else if (char === PDF) {
      if (open.at(-1) !== 'embedding') continue;
      open.pop();
    } else if (char === PDI) {
      // A PDI also ends the embeddings opened inside its isolate.
      const isolate = open.lastIndexOf('isolate');
      if (isolate === -1) continue;
      open.length = isolate;
    }
    out += char;
  }
  for (let i = open.length - 1; i >= 0; i--) out += open[i] === 'isolate' ? PDI : PDF;
  return out;
}
