// Confirm, run and report a bulk action: "Deactivate 50 tokens?", then progress ("31 of 50") with Cancel,
// then exactly what happened ("47 deactivated, 3 failed:" and each failure with the server's reason).
import { useRef, useState, type ReactNode } from 'react';
import { Dialog, DialogCancel } from '../../../components/ui/dialog';
import { ProgressBar } from '../../../components/ui/progress-bar';
import type { Authorization } from '../../../../core/influx-types';
import { BULK_CONCURRENCY, useBulkAction } from '../api/use-bulk-action';
import {
  bulkButtonLabel,
  bulkQuestion,
  outcomeHeadline,
  outcomeNotes,
  planBulk,
  skippedText,
  type BulkAction,
  type BulkOutcome,
} from '../model/bulk-plan';
import { formatCount } from '../model/token-count';
import './bulk-dialog.css';

interface BulkDialogProps {
  action: BulkAction;
  /** The selected tokens, in list order. */
  tokens: Authorization[];
  /** The work ended: these IDs succeeded or needed nothing; failed and unsent ones stay selected. */
  onFinished: (doneIds: string[]) => void;
  onClose: () => void;
  /** Activate/Deactivate: reported in a toast with Undo as the dialog closes; `changed` are as they were before. */
  onStatusChanged: (outcome: BulkOutcome, changed: Authorization[]) => void;
  onCloseAutoFocus?: (event: Event) => void;
}

const WORDS: Record<BulkAction, { running: string; finished: string }> = {
  activate: { running: 'Activating tokens', finished: 'Activation finished' },
  deactivate: { running: 'Deactivating tokens', finished: 'Deactivation finished' },
  delete: { running: 'Deleting tokens', finished: 'Deletion finished' },
};

const CONSEQUENCE: Record<BulkAction, [one: string, many: string]> = {
  activate: ['InfluxDB accepts it again at once.', 'InfluxDB accepts each of them again at once.'],
  deactivate: [
    'InfluxDB refuses it at once, until it is activated again.',
    'InfluxDB refuses each of them at once, until it is activated again.',
  ],
  delete: [
    'Anything using this token stops working at once. This cannot be undone.',
    'Anything using these tokens stops working at once. This cannot be undone.',
  ],
};

export function BulkDialog({ action, tokens, onFinished, onStatusChanged, ...dialog }: BulkDialogProps) {
  // The plan is fixed when the dialog opens: what is confirmed is what runs.
  const [plan] = useState(() => planBulk(action, tokens));
  const [settled, setSettled] = useState(0);
  const [stopping, setStopping] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const bulk = useBulkAction();
  const todo = plan.todo.length;

  function start() {
    controller.current = new AbortController();
    bulk.mutate(
      { plan, signal: controller.current.signal, onProgress: setSettled },
      {
        onSuccess: (result) => {
          onFinished([...result.succeeded, ...plan.skipped.map((t) => t.id)]);
          if (action === 'delete') return;
          const succeeded = new Set(result.succeeded);
          onStatusChanged(
            result,
            plan.todo.filter((t) => succeeded.has(t.id)),
          );
          dialog.onClose();
        },
      },
    );
  }

  function cancel() {
    setStopping(true);
    controller.current?.abort();
  }

  let title: string, description: string | undefined, body: ReactNode, footer: ReactNode;
  if (bulk.data) {
    title = WORDS[action].finished;
    body = <BulkReport outcome={bulk.data} />;
    footer = (
      <button type="button" className="btn btn--primary" onClick={dialog.onClose}>
        Close
      </button>
    );
  } else if (bulk.isPending) {
    const inFlight = Math.min(BULK_CONCURRENCY, todo - settled);
    title = `${WORDS[action].running}…`;
    body = (
      <>
        <ProgressBar value={settled} max={todo} label={WORDS[action].running} />
        <p className="bulk-dialog__note" role="status">
          {stopping
            ? `Stopping: waiting for the ${inFlight} ${inFlight === 1 ? 'request' : 'requests'} already sent…`
            : ''}
        </p>
      </>
    );
    footer = (
      <button type="button" className="btn" onClick={cancel} disabled={stopping}>
        Cancel
      </button>
    );
  } else {
    const skipped = skippedText(action, plan.skipped.length);
    title = todo === 0 ? `Nothing to ${action}` : bulkQuestion(action, todo);
    description =
      todo === 0
        ? `Every selected token is already ${action === 'activate' ? 'active' : 'inactive'}.`
        : CONSEQUENCE[action][todo === 1 ? 0 : 1];
    body = (
      <>
        {skipped && (
          <p className="bulk-dialog__note">
            Of the {formatCount(todo + plan.skipped.length)} selected, {skipped} and{' '}
            {plan.skipped.length === 1 ? 'is' : 'are'} skipped.
          </p>
        )}
        {bulk.error && (
          <div className="callout callout--error" role="alert">
            <p>{bulk.error.message}</p>
          </div>
        )}
      </>
    );
    footer =
      todo === 0 ? (
        <DialogCancel className="btn btn--primary">Close</DialogCancel>
      ) : (
        <>
          <DialogCancel className="btn">Cancel</DialogCancel>
          <button
            type="button"
            className={`btn ${action === 'delete' ? 'btn--danger' : 'btn--primary'}`}
            onClick={start}
          >
            {bulkButtonLabel(action, todo)}
          </button>
        </>
      );
  }

  return (
    <Dialog {...dialog} variant="confirm" busy={bulk.isPending} title={title} description={description} footer={footer}>
      {body}
    </Dialog>
  );
}

/** What a bulk run did: the headline, each failure with the server's reason, and what was skipped or not sent. */
export function BulkReport({ outcome, afterFailures }: { outcome: BulkOutcome; afterFailures?: string }) {
  const notes = outcomeNotes(outcome);
  return (
    <div className="bulk-report" role={outcome.failed.length > 0 ? 'alert' : 'status'}>
      <p className="bulk-report__headline">{outcomeHeadline(outcome)}</p>
      {outcome.failed.length > 0 && (
        <ul className="bulk-report__failures" aria-label="Failed tokens">
          {outcome.failed.map((failure) => (
            <li key={failure.id}>
              <strong>{failure.label}</strong>: {failure.reason}
            </li>
          ))}
        </ul>
      )}
      {notes.map((note) => (
        <p key={note} className="bulk-dialog__note">
          {note}
        </p>
      ))}
      {outcome.failed.length > 0 && (
        <p className="bulk-dialog__note">
          {afterFailures ??
            `The failed ${outcome.failed.length === 1 ? 'token stays' : 'tokens stay'} selected, so you can try again.`}
        </p>
      )}
    </div>
  );
}
