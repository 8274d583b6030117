// The drawer's Expiry: when the token expires (with its time zone) and in what state, and a form to set, change or
// clear it. A failed save says why next to the choice and keeps it; unavailable here, the form is disabled and says why.
// A deletion after it (Rotate's grace period) is shown with a way to cancel it.
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { Expiry } from '../../../../core/governance';
import type { Authorization } from '../../../../core/influx-types';
import { useSession } from '../../../lib/session/session-context';
import { formatDateTimeZone } from '../../../lib/format-time';
import { useNow } from '../../../lib/use-now';
import { governanceQuery, useSetExpiry } from '../api/governance-queries';
import { ExpiryChoice } from '../create/expiry-choice';
import './expiry-and-activity.css';
import { useOwnTokenId } from '../own-token/own-token-context';
import {
  defaultExpiryDraft,
  expiryOutcomeText,
  formatExpiresIn,
  resolveExpiry,
  toLocalInputValue,
  type ExpiryDraft,
} from '../model/expiry';

export const NOT_ENFORCED =
  'InfluxDB itself does not enforce expiry: this console deactivates the token at that time, while it runs with a ' +
  'server-held token.';

/** The expiry's state in words. */
function ExpiryState({ expiry, now }: { expiry: Expiry | undefined; now: number }) {
  if (expiry?.deletedAt)
    return (
      <p className="expiry-section__state">
        Deleted by this console on <time dateTime={expiry.deletedAt}>{formatDateTimeZone(expiry.deletedAt)}</time>.
      </p>
    );
  if (expiry?.deletionOnly && expiry.state !== 'gone')
    return <p className="expiry-section__state">No expiry: it was already switched off.</p>;
  if (!expiry || expiry.state === 'gone') return <p className="expiry-section__state">Never expires.</p>;
  const when = <time dateTime={expiry.expiresAt}>{formatDateTimeZone(expiry.expiresAt)}</time>;
  switch (expiry.state) {
    case 'scheduled': {
      // "in 3 days" when near; a far one is its date alone.
      const near = formatExpiresIn(expiry.expiresAt, now);
      return (
        <p className="expiry-section__state">
          Expires {when}
          {near.startsWith('in ') || near === 'due now' ? ` (${near})` : ''}.
        </p>
      );
    }
    case 'overdue':
      return (
        <p className="expiry-section__state expiry-section__state--overdue">
          Expiry overdue: due {when}, but InfluxDB has not taken the deactivation yet
          {expiry.lastError ? ` (${expiry.lastError})` : ''}.
          {expiry.nextAttemptAt && ` This console tries again at ${formatDateTimeZone(expiry.nextAttemptAt)}.`}
        </p>
      );
    case 'deactivated':
      return (
        <p className="expiry-section__state">
          Expired: deactivated by this console
          {expiry.deactivatedAt ? ` at ${formatDateTimeZone(expiry.deactivatedAt)}` : ''} (it was due {when}).
        </p>
      );
  }
}

/** What the form starts with: the current expiry's date, or the policy's default (or never). */
function startingDraft(expiry: Expiry | undefined, maxLifetimeDays: number | null): ExpiryDraft {
  if (expiry?.state === 'scheduled' || expiry?.state === 'overdue')
    return { preset: 'date', date: toLocalInputValue(expiry.expiresAt) };
  return defaultExpiryDraft(maxLifetimeDays);
}

export function ExpirySection({ token }: { token: Authorization }) {
  const id = useId();
  const { client } = useSession();
  const now = useNow();
  const governance = useQuery(governanceQuery(client, token.orgID));
  const setExpiry = useSetExpiry();
  // Here, not in the form: a save that succeeds starts the form afresh (its key), and the message outlives that.
  const [saved, setSaved] = useState('');
  const save = (expiresAt: string | null) =>
    setExpiry
      .mutateAsync({ tokenID: token.id, orgID: token.orgID, expiresAt })
      .then(() => setSaved(`Saved: this token ${expiryOutcomeText(expiresAt)}.`));
  const cancelDeletion = () => {
    setSaved('');
    setExpiry.mutate(
      { tokenID: token.id, orgID: token.orgID, deleteAt: null },
      {
        onSuccess: () => setSaved('Deletion cancelled: this console keeps the token.'),
        onError: (error) => setSaved(`Could not cancel the deletion: ${error.message}`),
      },
    );
  };
  const own = useOwnTokenId() === token.id;
  const index = governance.data;
  const expiry = index?.available ? index.byToken.get(token.id) : undefined;
  let body;
  if (governance.isPending) {
    body = <p role="status">Loading the expiry…</p>;
  } else if (!index) {
    body = (
      <div role="alert">
        <p>Could not load the expiry: {governance.error?.message}</p>
        <button type="button" className="btn btn--small" onClick={() => void governance.refetch()}>
          Retry
        </button>
      </div>
    );
  } else if (!index.available) {
    body = (
      <>
        <p className="expiry-section__state">
          Expiry is unavailable here: {index.unavailableReason ?? 'this console holds no token of its own.'}
        </p>
        <ExpiryChoice
          draft={defaultExpiryDraft(index.maxLifetimeDays)}
          onChange={() => undefined}
          maxLifetimeDays={index.maxLifetimeDays}
          disabled
          legend="Set expiry"
        />
      </>
    );
  } else {
    body = (
      <>
        <ExpiryState expiry={expiry} now={now} />
        {expiry?.deleteAt && !expiry.deletedAt && (
          <div className="expiry-section__deletion">
            <p className="expiry-section__state">
              Deleted by this console on <time dateTime={expiry.deleteAt}>{formatDateTimeZone(expiry.deleteAt)}</time>{' '}
              if still inactive then.
            </p>
            {token.status === 'inactive' && (
              <p className="field-help">Switch it back on to keep it: that cancels the deletion.</p>
            )}
            <button type="button" className="btn btn--small" disabled={setExpiry.isPending} onClick={cancelDeletion}>
              Cancel the deletion
            </button>
          </div>
        )}
        {(expiry?.state === 'scheduled' || expiry?.state === 'overdue') && index.maxLifetimeDays === null && (
          <button
            type="button"
            className="btn btn--small"
            disabled={setExpiry.isPending}
            onClick={() =>
              void save(null).catch((error: Error) => setSaved(`Could not cancel the expiry: ${error.message}`))
            }
          >
            Cancel this expiry (keep it active)
          </button>
        )}
        {own && (
          <p className="callout callout--warning">
            This is the token this page runs on: when it expires, the console switches off its own access.
          </p>
        )}
        {/* A new expiry from the server starts the form afresh; a failed save changes nothing, so the draft stays. */}
        <ExpiryForm
          key={`${expiry?.state}:${expiry?.expiresAt}`}
          expiry={expiry}
          maxLifetimeDays={index.maxLifetimeDays}
          saving={setExpiry.isPending}
          onSave={save}
          onEdit={() => setSaved('')}
        />
        <p role="status" className="expiry-section__saved">
          {saved}
        </p>
      </>
    );
  }
  return (
    <section className="expiry-section" aria-labelledby={`${id}-title`}>
      <h3 className="token-details__section-title" id={`${id}-title`}>
        Expiry
      </h3>
      {body}
      <p className="field-help">{NOT_ENFORCED}</p>
    </section>
  );
}

interface ExpiryFormProps {
  expiry: Expiry | undefined;
  maxLifetimeDays: number | null;
  saving: boolean;
  /** Sends the expiry; rejects with the server's error, which is shown beside the kept choice. */
  onSave: (expiresAt: string | null) => Promise<unknown>;
  onEdit: () => void;
}

function ExpiryForm({ expiry, maxLifetimeDays, saving, onSave, onEdit }: ExpiryFormProps) {
  const [draft, setDraft] = useState(() => startingDraft(expiry, maxLifetimeDays));
  const [problem, setProblem] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    const resolved = resolveExpiry(draft, Date.now(), maxLifetimeDays);
    if ('error' in resolved) {
      setProblem(resolved.error);
      return;
    }
    setProblem(null);
    onEdit();
    onSave(resolved.expiresAt).catch((error: Error) => setProblem(`Could not save the expiry: ${error.message}`));
  }

  return (
    <form className="expiry-section__form" onSubmit={submit} noValidate>
      <ExpiryChoice
        draft={draft}
        onChange={(next) => {
          setDraft(next);
          setProblem(null);
          onEdit();
        }}
        maxLifetimeDays={maxLifetimeDays}
        error={problem}
        legend={expiry ? 'Change expiry' : 'Set expiry'}
      />
      <button type="submit" className="btn btn--small btn--primary expiry-section__save" disabled={saving}>
        {saving ? 'Saving…' : 'Save expiry'}
      </button>
    </form>
  );
}
