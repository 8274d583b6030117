// Confirm and run a bulk action: "Deactivate 50 tokens?", then progress ("31 of 50") with Cancel; the outcome is a
// toast (see use-bulk-status-outcome.ts). A delete names what will go, and past a few tokens (or with a live all-access
// or operator token among them) asks for the count typed in, offering to deactivate them instead.
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Dialog, DialogCancel } from '../../../components/ui/dialog';
import { ProgressBar } from '../../../components/ui/progress-bar';
import type { Authorization } from '../../../../core/influx-types';
import { BULK_CONCURRENCY, useBulkAction } from '../api/use-bulk-action';
import {
  activeText,
  bulkButtonLabel,
  bulkQuestion,
  deleteNeedsTypedCount,
  moreText,
  planBulk,
  privilegedText,
  skippedText,
  summarizeDelete,
  typedCountMatches,
  type BulkAction,
  type BulkOutcome,
  type DeleteSummary,
} from '../model/bulk-plan';
import { formatCount } from '../model/token-count';
import { useOwnTokenGuard } from './use-own-token-guard';
import './bulk-dialog.css';

interface BulkDialogProps {
  action: BulkAction;
  /** The selected tokens, in list order. */
  tokens: Authorization[];
  /** The work ended: these IDs succeeded or needed nothing; failed and unsent ones stay selected. */
  onFinished: (doneIds: string[]) => void;
  onClose: () => void;
  /**
   * The work ended: reported in a toast as the dialog closes. `changed` are the tokens an Undo switches back, as they
   * were before (none for a delete: it cannot be undone).
   */
  onStatusChanged: (outcome: BulkOutcome, changed: Authorization[]) => void;
  onCloseAutoFocus?: (event: Event) => void;
}

const RUNNING: Record<BulkAction, string> = {
  activate: 'Activating tokens',
  deactivate: 'Deactivating tokens',
  delete: 'Deleting tokens',
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

export function BulkDialog(props: BulkDialogProps) {
  // "Deactivate instead" opens this dialog again for the same tokens: a fresh one, with its own plan.
  return <BulkRun key={props.action} {...props} />;
}

function BulkRun({ action, tokens, onFinished, onStatusChanged, ...dialog }: BulkDialogProps) {
  // The plan is fixed when the dialog opens: what is confirmed is what runs.
  const [plan] = useState(() => planBulk(action, tokens));
  const [summary] = useState(() => (action === 'delete' ? summarizeDelete(tokens) : null));
  const [typed, setTyped] = useState('');
  const [settled, setSettled] = useState(0);
  const [stopping, setStopping] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const bulk = useBulkAction();
  const guard = useOwnTokenGuard();
  const todo = plan.todo.length;
  const askCount = summary !== null && deleteNeedsTypedCount(summary);
  const confirmed = !askCount || typedCountMatches(typed, todo);

  function start() {
    controller.current = new AbortController();
    bulk.mutate(
      { plan, signal: controller.current.signal, onProgress: setSettled },
      {
        onSuccess: (result) => {
          onFinished([...result.succeeded, ...plan.skipped.map((t) => t.id)]);
          const succeeded = new Set(result.succeeded);
          onStatusChanged(result, action === 'delete' ? [] : plan.todo.filter((t) => succeeded.has(t.id)));
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
  if (bulk.isPending) {
    const inFlight = Math.min(BULK_CONCURRENCY, todo - settled);
    title = `${RUNNING[action]}…`;
    body = (
      <>
        <ProgressBar value={settled} max={todo} label={RUNNING[action]} />
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
        {summary && <DeleteList summary={summary} />}
        {askCount && <TypedCount count={todo} typed={typed} matches={confirmed} onType={setTyped} onSubmit={start} />}
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
          {askCount && summary.active > 0 && (
            // The safe first step: a bulk Deactivate has Undo (and asks again about the page's own token).
            <button type="button" className="btn" onClick={() => guard.bulk('deactivate', tokens)}>
              Deactivate instead
            </button>
          )}
          <button
            type="button"
            className={`btn ${action === 'delete' ? 'btn--danger' : 'btn--primary'}`}
            disabled={!confirmed}
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

/** The first names of what a delete removes, "and N more", and how many are active, all-access or operator. */
function DeleteList({ summary }: { summary: DeleteSummary }) {
  const more = moreText(summary);
  return (
    <div className="bulk-delete">
      <ul className="bulk-delete__names" aria-label="Tokens to delete">
        {summary.names.map((name, i) => (
          <li key={i}>{name}</li>
        ))}
      </ul>
      {more && <p className="bulk-delete__more">{more}</p>}
      <dl className="bulk-delete__facts">
        <div>
          <dt>Active:</dt> <dd>{activeText(summary)}</dd>
        </div>
        <div className={summary.activePrivileged > 0 ? 'bulk-delete__fact--danger' : undefined}>
          <dt>All-access or operator:</dt> <dd>{privilegedText(summary)}</dd>
        </div>
      </dl>
    </div>
  );
}

/**
 * "To confirm, type 5,008": the Delete button waits for it, as GitHub waits for a repository's name; Enter with
 * another number says so.
 */
function TypedCount({
  count,
  typed,
  matches,
  onType,
  onSubmit,
}: {
  count: number;
  typed: string;
  matches: boolean;
  onType: (typed: string) => void;
  onSubmit: () => void;
}) {
  const id = useId();
  const [refused, setRefused] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (matches) onSubmit();
    else setRefused(true);
  };
  return (
    <form className="bulk-delete__confirm" onSubmit={submit} noValidate>
      <label className="field-label" htmlFor={id}>
        To confirm, type <strong className="bulk-delete__count">{formatCount(count)}</strong>
      </label>
      <input
        id={id}
        className="input"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        value={typed}
        onChange={(event) => {
          onType(event.target.value);
          setRefused(false);
        }}
        aria-invalid={refused}
        aria-describedby={refused ? `${id}-error` : undefined}
      />
      {refused && (
        <p id={`${id}-error`} className="bulk-delete__error" role="alert">
          {typed.trim() === '' ? 'Nothing typed' : `“${typed.trim()}” is not ${formatCount(count)}`}: type the number of
          tokens to delete them, or Cancel.
        </p>
      )}
    </form>
  );
}
