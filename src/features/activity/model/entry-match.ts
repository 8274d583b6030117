// The Activity view's filters over trail entries: words matched in the token and the actor, ignoring case and accents.
import type { AuditEntry } from '../../../../core/governance';
import { actorText } from '../../../lib/audit-text';

/** Case- and accent-insensitive "contains". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function textMatches(haystack: readonly (string | undefined)[], needle: string): boolean {
  const wanted = fold(needle.trim());
  if (!wanted) return true;
  return haystack.some((text) => text !== undefined && fold(text).includes(wanted));
}

/** The token filter: the entry's token ID or its description at that time. */
export function matchesToken(entry: AuditEntry, text: string): boolean {
  return textMatches([entry.tokenID, entry.description], text);
}

/** The actor filter: the person, the user, the acting token's description or ID. */
export function matchesActor(entry: AuditEntry, text: string): boolean {
  const { person, user, description, tokenID } = entry.actor;
  return textMatches([person, user, description, tokenID, actorText(entry.actor)], text);
}
