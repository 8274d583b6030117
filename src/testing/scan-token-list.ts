// The whole answer at once, for tests: its tokens' texts and the envelope (all but the tokens) to check, or null.
import { TokenListScanner, type ListText } from '../features/tokens/list-sync/scan';

export function scanTokenList(text: string): (ListText & { envelope: string }) | null {
  const scanner = new TokenListScanner();
  scanner.feed(text);
  const envelope = scanner.finish();
  return envelope === null ? null : { ids: scanner.ids, texts: scanner.texts, envelope };
}
