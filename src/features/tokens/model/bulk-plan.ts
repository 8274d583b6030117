// Bulk actions on the selected tokens: what will be sent, what is skipped, and the words for each step.
import type { Authorization, AuthorizationStatus } from '../../../../core/influx-types';
import { cachedPermissionsSummary } from './permissions-summary';
import { formatCount, tokensNoun } from './token-count';
import { tokenLabel } from '../../../lib/token-label';

export type BulkAction = 'activate' | 'deactivate' | 'delete';

export const TARGET_STATUS: Record<Exclude<BulkAction, 'delete'>, AuthorizationStatus> = {
  activate: 'active',
  deactivate: 'inactive',
};

export interface BulkPlan {
  action: BulkAction;
  /** Tokens a request will be sent for, in list order. */
  todo: Authorization[];
  /** Tokens already in the target state: nothing to send. */
  skipped: Authorization[];
}

export function planBulk(action: BulkAction, selected: readonly Authorization[]): BulkPlan {
  if (action === 'delete') return { action, todo: [...selected], skipped: [] };
  const target = TARGET_STATUS[action];
  const todo: Authorization[] = [];
  const skipped: Authorization[] = [];
  for (const token of selected) (token.status === target ? skipped : todo).push(token);
  return { action, todo, skipped };
}

/** How many names a delete's confirmation lists before "and N more"; more tokens than this ask for the count. */
export const DELETE_NAMES_SHOWN = 10;

/** What a bulk delete would remove, as its confirmation tells it. */
export interface DeleteSummary {
  count: number;
  /** The first DELETE_NAMES_SHOWN, as the page names them. */
  names: string[];
  active: number;
  /** All-access or operator tokens, as the list's permissions column names them. */
  privileged: number;
  activePrivileged: number;
}

const PRIVILEGED = new Set(['All access', 'Operator']);

export function summarizeDelete(tokens: readonly Authorization[]): DeleteSummary {
  const summary = { count: tokens.length, names: [] as string[], active: 0, privileged: 0, activePrivileged: 0 };
  for (const token of tokens) {
    if (summary.names.length < DELETE_NAMES_SHOWN) summary.names.push(tokenLabel(token.description));
    const active = token.status === 'active';
    const privileged = PRIVILEGED.has(cachedPermissionsSummary(token.permissions));
    summary.active += active ? 1 : 0;
    summary.privileged += privileged ? 1 : 0;
    summary.activePrivileged += active && privileged ? 1 : 0;
  }
  return summary;
}

/** Many tokens, or a live all-access or operator one among them: the person types the count to delete. */
export function deleteNeedsTypedCount(summary: DeleteSummary): boolean {
  return summary.count > DELETE_NAMES_SHOWN || summary.activePrivileged > 0;
}

/** Does the typed text say the count? "5,008", "5008" and " 5 008 " all do. */
export function typedCountMatches(typed: string, count: number): boolean {
  return typed.replace(/[\s,]/g, '') === String(count);
}

/** "and 4,998 more" after the names; '' when every name is shown. */
export function moreText({ count, names }: DeleteSummary): string {
  return count > names.length ? `and ${formatCount(count - names.length)} more` : '';
}

/** "4,012 of 5,008" */
export function activeText({ active, count }: DeleteSummary): string {
  return `${formatCount(active)} of ${formatCount(count)}`;
}

/** "none", "3 (1 active)" */
export function privilegedText({ privileged, activePrivileged }: DeleteSummary): string {
  if (privileged === 0) return 'none';
  return `${formatCount(privileged)} (${formatCount(activePrivileged)} active)`;
}

export interface BulkOutcome {
  action: BulkAction;
  succeeded: string[];
  failed: { id: string; label: string; reason: string }[];
  skipped: number;
  /** Not sent because the person cancelled. */
  notSent: number;
}

const VERB: Record<BulkAction, { title: string; done: string }> = {
  activate: { title: 'Activate', done: 'activated' },
  deactivate: { title: 'Deactivate', done: 'deactivated' },
  delete: { title: 'Delete', done: 'deleted' },
};

/** "deactivated" */
export const bulkDone = (action: BulkAction) => VERB[action].done;

/** "Deactivate 50 tokens?" */
export function bulkQuestion(action: BulkAction, count: number): string {
  return `${bulkButtonLabel(action, count)}?`;
}

/** "Deactivate 48 tokens" on the confirming button. */
export function bulkButtonLabel(action: BulkAction, count: number): string {
  return `${VERB[action].title} ${tokensNoun(count)}`;
}

/** "2 were already inactive" (only for status changes). */
export function skippedText(action: BulkAction, skipped: number): string {
  if (skipped === 0 || action === 'delete') return '';
  return `${formatCount(skipped)} ${skipped === 1 ? 'was' : 'were'} already ${TARGET_STATUS[action]}`;
}

/** "47 deactivated, 3 failed:" — the list of failures follows it; "47 deactivated" when none failed. */
export function outcomeHeadline(outcome: BulkOutcome): string {
  const done = `${formatCount(outcome.succeeded.length)} ${VERB[outcome.action].done}`;
  return outcome.failed.length > 0 ? `${done}, ${formatCount(outcome.failed.length)} failed:` : done;
}

/** The lines under the headline: what was skipped and what was never sent. */
export function outcomeNotes(outcome: BulkOutcome): string[] {
  const notes: string[] = [];
  const skipped = skippedText(outcome.action, outcome.skipped);
  if (skipped) notes.push(`${skipped}.`);
  if (outcome.notSent > 0) notes.push(`Cancelled: ${tokensNoun(outcome.notSent)} not sent (still selected).`);
  return notes;
}
