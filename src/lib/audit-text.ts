// A trail entry (core/governance.ts) in words, as the drawer's Activity tab, the Activity view and its exports show
// it: what happened, what changed, who did it and from where.
import type { AuditAction, AuditActor, AuditEntry, AuditVia } from '../../core/governance';
import { formatDateTimeZone } from './format-time';

const ACTION_WORDS: Record<AuditAction, string> = {
  create: 'Created',
  clone: 'Cloned',
  rotate: 'Created by rotation',
  rename: 'Renamed',
  activate: 'Activated',
  deactivate: 'Deactivated',
  delete: 'Deleted',
  'expiry-set': 'Expiry set',
  'expiry-changed': 'Expiry changed',
  'expiry-cleared': 'Expiry cleared',
  'expiry-fired': 'Deactivated at expiry',
  appeared: 'Appeared',
  disappeared: 'Disappeared',
};

/**
 * "Renamed", "Expiry set"; an action this page does not know yet is shown as the server names it. A deletion by the
 * console's own timer is the one Rotate scheduled after the grace period.
 */
export function actionText(action: AuditAction, via?: AuditVia): string {
  if (action === 'delete' && via === 'scheduled') return 'Deleted by this console after its grace period';
  return ACTION_WORDS[action] ?? action;
}

const VIA_WORDS: Record<AuditVia, string> = {
  page: 'page',
  api: 'API (curl, CLI)',
  scheduled: 'scheduled',
  outside: 'outside this console',
};

export function viaText(via: AuditVia): string {
  return VIA_WORDS[via] ?? via;
}

/**
 * Who acted: the person (behind a trusted auth proxy), else the credential by description (or ID), never its secret:
 * "“admin's Token” (server token)", "ana, with “ops laptop” (pasted token)", "this console", "someone outside".
 */
export function actorText(actor: AuditActor): string {
  if (actor.kind === 'console') return 'this console';
  if (actor.kind === 'unknown') return actor.person ?? 'someone outside this console';
  const name = actor.description ? `“${actor.description}”` : (actor.tokenID ?? 'a token');
  const kind = actor.kind === 'server-token' ? 'server token' : 'pasted token';
  const credential = `${name} (${kind}${actor.user ? ` of ${actor.user}` : ''})`;
  return actor.person ? `${actor.person}, with ${credential}` : credential;
}

/** A value as people read it: a date with its time zone, "never", a quoted description. */
function valueText(field: string, value: string | undefined): string {
  if (value === undefined || value === '') return field === 'description' ? '(no description)' : '—';
  if (field === 'expiry' || field === 'deletion') return value === 'never' ? 'never' : formatDateTimeZone(value);
  if (field === 'description') return `“${value}”`;
  return value;
}

/** "status: active → inactive", one line per field that changed; the new value alone when nothing was before. */
export function changeLines(entry: Pick<AuditEntry, 'before' | 'after'>): string[] {
  const fields = [...new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})])];
  return fields.map((field) => {
    const before = entry.before?.[field];
    const after = entry.after?.[field];
    if (before === undefined) return `${field}: ${valueText(field, after)}`;
    return `${field}: ${valueText(field, before)} → ${valueText(field, after)}`;
  });
}
