// Rotate, step 1: say what will happen and ask when the old token stops working, then create a token with the same
// permissions and owner, described as the old one's replacement. Its secret is then shown once (NewTokenDialog).
// "Now": that dialog switches the old one off when told to. Later: the old token gets an expiry here, once the new
// one exists; if that fails, the new token is still shown, with what failed (nothing is lost silently). A deletion
// after that goes with the expiry; after "Now", it is scheduled once the person deactivates the old token.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/ui/dialog';
import type { Authorization } from '../../../../core/influx-types';
import { useSession } from '../../../lib/session/session-context';
import { governanceQuery, useSetExpiry } from '../api/governance-queries';
import { useCreateToken } from '../api/use-create-token';
import type { CreatedNote } from '../create/use-new-token-expiry';
import { createFailureText } from '../model/create-failure';
import { rotatedDescription } from '../model/rotate-description';
import { ownerName } from '../model/token-index';
import { useOwnTokenMatch } from '../own-token/own-token-context';
import { tokenLabel } from '../../../lib/token-label';
import {
  deleteAfterRetireText,
  deleteAtAfter,
  deletionDelay,
  graceFailedText,
  gracePresets,
  graceScheduledText,
  NOW_DRAFT,
  resolveGrace,
  type GraceDraft,
} from './rotate-grace';
import { RotateGraceChoice } from './rotate-grace-choice';
import { sameAccessAs } from './use-clone-token';

/** What became of a later stop for the old token, said with the new token. */
export interface RotateOutcome {
  /** The old token's deactivation is scheduled: the new token's dialog has no "deactivate old" step. */
  scheduled: boolean;
  note?: CreatedNote;
  /** "Now" with a deletion: once the person deactivates the old token, it is deleted this long after. */
  deleteAfterMs?: number;
}

interface RotateTokenDialogProps {
  token: Authorization;
  onClose: () => void;
  /** `outcome`: present when a later stop was chosen (scheduled, or not and why). */
  onCreated: (created: Authorization, outcome?: RotateOutcome) => void;
  onCloseAutoFocus?: (event: Event) => void;
}

export function RotateTokenDialog({ token, onClose, onCreated, onCloseAutoFocus }: RotateTokenDialogProps) {
  const { client } = useSession();
  const create = useCreateToken('rotate');
  const setExpiry = useSetExpiry();
  const governance = useQuery(governanceQuery(client, token.orgID));
  const label = tokenLabel(token.description);
  const own = useOwnTokenMatch()(token);
  const [draft, setDraft] = useState<GraceDraft>(NOW_DRAFT);
  const [problem, setProblem] = useState<string | null>(null);
  const [scheduling, setScheduling] = useState(false);
  const index = governance.data;
  let onlyNow: string | undefined;
  if (index && !index.available)
    onlyNow = index.unavailableReason ?? 'this console holds no token of its own to deactivate tokens with.';
  else if (!index)
    onlyNow = governance.isError
      ? `could not load the expiry settings (${governance.error.message}).`
      : 'checking whether this console can schedule one…';
  const chosen = onlyNow === undefined ? draft : NOW_DRAFT;
  const busy = create.isPending || scheduling;

  async function confirm() {
    const maxLifetimeDays = index?.maxLifetimeDays ?? null;
    const resolved = resolveGrace(chosen, Date.now(), maxLifetimeDays, index?.byToken.get(token.id), label);
    if ('error' in resolved) return setProblem(resolved.error);
    setProblem(null);
    let created: Authorization;
    try {
      created = await create.mutateAsync(sameAccessAs(token, rotatedDescription(token.description, token.id)));
    } catch {
      return; // said below, from create.error; the old token is unchanged
    }
    const { expiresAt } = resolved;
    const delay = deletionDelay(chosen.deletion);
    if (expiresAt === null) {
      if (delay === null) return onCreated(created);
      const text = deleteAfterRetireText(label, delay);
      return onCreated(created, { scheduled: false, deleteAfterMs: delay, note: { tone: 'info', text } });
    }
    const deleteAt = delay === null ? undefined : deleteAtAfter(expiresAt, delay);
    setScheduling(true);
    try {
      await setExpiry.mutateAsync({ tokenID: token.id, orgID: token.orgID, expiresAt, deleteAt });
      const text = graceScheduledText(label, expiresAt, maxLifetimeDays === null, deleteAt);
      onCreated(created, { scheduled: true, note: { tone: 'info', text } });
    } catch (failure) {
      const reason = failure instanceof Error ? failure.message : String(failure);
      const text = graceFailedText(label, reason, deleteAt !== undefined);
      onCreated(created, { scheduled: false, note: { tone: 'error', text } });
    }
  }

  const until =
    chosen.choice === 'now'
      ? 'until you say the new token is in place; then it is deactivated'
      : 'until the time chosen below; then this console deactivates it';
  return (
    <ConfirmDialog
      onClose={onClose}
      title={`Rotate “${label}”?`}
      description={`A new token with the same permissions, owned by ${ownerName(token)}, is created and shown once. “${label}” stays active ${until}.`}
      actionLabel="Create replacement"
      busy={busy}
      busyLabel={scheduling ? 'Scheduling…' : 'Creating…'}
      tone="primary"
      onAction={() => void confirm()}
      onCloseAutoFocus={onCloseAutoFocus}
    >
      <RotateGraceChoice
        label={label}
        draft={draft}
        onChange={(next) => {
          setDraft(next);
          setProblem(null);
        }}
        presets={gracePresets(index?.maxLifetimeDays ?? null)}
        onlyNow={onlyNow}
        error={problem}
        disabled={busy}
      />
      {own && chosen.choice !== 'now' && (
        <p className="callout callout--warning">
          {own === 'own' ? 'This is' : 'This may be'} the token this page runs on: at that time, the console loses its
          own access. Put the new token in its place before then.
        </p>
      )}
      {create.error && (
        <div className="callout callout--error" role="alert">
          <p>{createFailureText(create.error, 'create')}</p>
          <p>“{label}” is unchanged and still active.</p>
        </div>
      )}
    </ConfirmDialog>
  );
}
