// "Set expiry" for a selection: one choice (7, 30, 90 days, a date, never) for every selected token, sent a few at a
// time; the outcome is one toast ("Expiry set on 48 tokens, 2 failed: …"), and the tokens that failed stay selected.
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../../components/ui/dialog';
import { ProgressBar } from '../../../components/ui/progress-bar';
import { useToast } from '../../../components/ui/toast-context';
import { runBounded } from '../../../../core/run-bounded';
import type { Authorization } from '../../../../core/influx-types';
import { useSetExpiry } from '../api/governance-queries';
import { BULK_CONCURRENCY } from '../api/use-bulk-action';
import { ExpiryChoice } from '../create/expiry-choice';
import { formatDateTimeZone } from '../../../lib/format-time';
import { defaultExpiryDraft, resolveExpiry, type ExpiryDraft } from '../model/expiry';
import { formatCount, tokensNoun } from '../model/token-count';

interface BulkExpiryDialogProps {
  tokens: Authorization[];
  maxLifetimeDays: number | null;
  /** These tokens got their expiry: they leave the selection (the failed ones stay). */
  onFinished: (doneIds: string[]) => void;
  onClose: () => void;
  onCloseAutoFocus?: (event: Event) => void;
}

export function BulkExpiryDialog({
  tokens,
  maxLifetimeDays,
  onFinished,
  onClose,
  onCloseAutoFocus,
}: BulkExpiryDialogProps) {
  const [draft, setDraft] = useState<ExpiryDraft>(() => defaultExpiryDraft(maxLifetimeDays));
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const setExpiry = useSetExpiry();
  const toast = useToast();
  const count = tokensNoun(tokens.length);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const resolved = resolveExpiry(draft, Date.now(), maxLifetimeDays);
    if ('error' in resolved) return setError(resolved.error);
    setError(null);
    setDone(0);
    const failures: { token: Authorization; message: string }[] = [];
    const result = await runBounded(tokens, BULK_CONCURRENCY, async (token) => {
      try {
        await setExpiry.mutateAsync({ tokenID: token.id, orgID: token.orgID, expiresAt: resolved.expiresAt });
      } catch (failure) {
        failures.push({ token, message: (failure as Error).message });
      } finally {
        setDone((n) => (n ?? 0) + 1);
      }
    });
    const failedIds = new Set(failures.map((f) => f.token.id));
    const succeeded = result.settled.filter((s) => !failedIds.has(s.item.id)).map((s) => s.item.id);
    onFinished(succeeded);
    const title =
      resolved.expiresAt === null
        ? `Expiry cleared for ${tokensNoun(succeeded.length)}`
        : `Expiry set for ${tokensNoun(succeeded.length)}: ${formatDateTimeZone(resolved.expiresAt)}`;
    toast.show(
      failures.length === 0
        ? { title }
        : {
            tone: 'error',
            title: `${title}; ${formatCount(failures.length)} failed`,
            description: `“${failures[0]!.token.description || failures[0]!.token.id}”: ${failures[0]!.message}${
              failures.length > 1 ? ` (and ${formatCount(failures.length - 1)} more; they stay selected)` : ''
            }`,
          },
    );
    onClose();
  }

  const busy = done !== null;
  return (
    <Dialog
      onClose={onClose}
      onCloseAutoFocus={onCloseAutoFocus}
      busy={busy}
      title={`Set the expiry of ${count}`}
      description="At that time this console deactivates each of them (it does not delete them). InfluxDB itself does not enforce expiry: this console does, while it runs with a server-held token."
      footer={
        <>
          <button type="button" className="btn" disabled={busy} onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="bulk-expiry" className="btn btn--primary" disabled={busy}>
            Set expiry
          </button>
        </>
      }
    >
      <form id="bulk-expiry" onSubmit={(event) => void submit(event)} noValidate>
        <ExpiryChoice
          draft={draft}
          onChange={setDraft}
          maxLifetimeDays={maxLifetimeDays}
          error={error}
          disabled={busy}
        />
      </form>
      {busy && <ProgressBar label="Setting expiry" value={done} max={tokens.length} />}
    </Dialog>
  );
}
