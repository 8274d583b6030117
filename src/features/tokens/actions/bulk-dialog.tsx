// Confirm, run and report a bulk action: "Deactivate 50 tokens?", then progress ("31 of 50") with Cancel,
// then exactly what happened ("47 deactivated, 3 failed:" and each failure with the server's reason).
import { useRef, useState } from 'react';
import { Dialog, DialogCancel } from '../../../components/ui/dialog';
import { ProgressBar } from '../../../components/ui/progress-bar';
import type { Authorization } from '../../../../core/influx-types';
import { useBulkAction } from '../api/use-bulk-action';
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
import './bulk-dialog.css';

interface BulkDialogProps {
  action: BulkAction;
  /** The selected tokens, in list order. */
  tokens: Authorization[];
  /** The work ended: these IDs succeeded or needed nothing; failed and unsent ones stay selected. */
  onFinished: (doneIds: string[]) => void;
  onClose: () => void;
  /**
   * Activate/Deactivate only: once the work is done the dialog closes and this reports it (a toast with Undo)
   * instead of a blocking report. `changed` are the tokens that switched, as they were before.
   */
  onStatusChanged?: (outcome: BulkOutcome, changed: Authorization[]) => void;
  onCloseAutoFocus?: (event: Event) => void;
}

const tokenCount = new Intl.NumberFormat('en-US');

const RUNNING: Record<BulkAction, string> = {
  activate: 'Activating tokens',
  deactivate: 'Deactivating tokens',
  delete: 'Deleting tokens',
};

const FINISHED: Record<BulkAction, string> = {
  activate: 'Activation finished',
  deactivate: 'Deactivation finished',
  delete: 'Deletion finished',
};

const NOTHING_TO_DO: Record<BulkAction, string> = {
  activate: 'Nothing to activate',
  deactivate: 'Nothing to deactivate',
  delete: 'Nothing to delete',
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

export function BulkDialog({
  action,
  tokens,
  onFinished,
  onClose,
  onStatusChanged,
  onCloseAutoFocus,
}: BulkDialogProps) {
  // The plan is fixed when the dialog opens: what is confirmed is what runs.
  const [plan] = useState(() => planBulk(action, tokens));
  const [settled, setSettled] = useState(0);
  const [stopping, setStopping] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const bulk = useBulkAction();
  const outcome = bulk.data;
  const running = bulk.isPending;
  const skipped = skippedText(action, plan.skipped.length);

  function start() {
    controller.current = new AbortController();
    bulk.mutate(
      { plan, signal: controller.current.signal, onProgress: setSettled },
      {
        onSuccess: (result) => {
          onFinished([...result.succeeded, ...plan.skipped.map((t) => t.id)]);
          if (action !== 'delete' && onStatusChanged) {
            const succeeded = new Set(result.succeeded);
            onStatusChanged(
              result,
              plan.todo.filter((t) => succeeded.has(t.id)),
            );
            onClose();
          }
        },
      },
    );
  }

  function cancel() {
    setStopping(true);
    controller.current?.abort();
  }

  let description: string | undefined;
  let body;
  let footer;
  if (outcome) {
    body = <BulkReport outcome={outcome} />;
    footer = (
      <button type="button" className="btn btn--primary" onClick={onClose}>
        Close
      </button>
    );
  } else if (running) {
    const inFlight = settled < plan.todo.length ? Math.min(6, plan.todo.length - settled) : 0;
    body = (
      <>
        <ProgressBar value={settled} max={plan.todo.length} label={RUNNING[action]} />
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
    description =
      plan.todo.length === 0
        ? `Every selected token is already ${action === 'activate' ? 'active' : 'inactive'}.`
        : CONSEQUENCE[action][plan.todo.length === 1 ? 0 : 1];
    body = (
      <>
        {skipped && (
          <p className="bulk-dialog__note">
            Of the {tokenCount.format(plan.todo.length + plan.skipped.length)} selected, {skipped} and{' '}
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
      plan.todo.length === 0 ? (
        <DialogCancel className="btn btn--primary">Close</DialogCancel>
      ) : (
        <>
          <DialogCancel className="btn">Cancel</DialogCancel>
          <button
            type="button"
            className={`btn ${action === 'delete' ? 'btn--danger' : 'btn--primary'}`}
            onClick={start}
          >
            {bulkButtonLabel(action, plan.todo.length)}
          </button>
        </>
      );
  }

  const title = outcome
    ? FINISHED[action]
    : running
      ? `${RUNNING[action]}…`
      : plan.todo.length === 0
        ? NOTHING_TO_DO[action]
        : bulkQuestion(action, plan.todo.length);
  return (
    <Dialog
      variant="confirm"
      busy={running}
      onClose={onClose}
      title={title}
      description={description}
      footer={footer}
      onCloseAutoFocus={onCloseAutoFocus}
    >
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
