// Bulk actions on the selected tokens: what will be sent, what is skipped, and the words for each step.
import type { Authorization, AuthorizationStatus } from '../../../../core/influx-types';
import { formatCount, tokensNoun } from './token-count';

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
