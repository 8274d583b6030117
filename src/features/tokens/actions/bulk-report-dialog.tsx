// The bulk toast's Details: the whole report of a bulk action (or of an Undo), with Undo again where there is one.
import { Dialog } from '../../../components/ui/dialog';
import { outcomeHeadline, outcomeNotes, type BulkAction, type BulkOutcome } from '../model/bulk-plan';
import { tokensNoun } from '../model/token-count';
import type { BulkStatusReport } from './page-dialog';
import './bulk-dialog.css';

const TITLE: Record<BulkAction, string> = {
  activate: 'Activation report',
  deactivate: 'Deactivation report',
  delete: 'Deletion report',
};

/** What failed keeps what it had: said after the failures. */
const AFTER_FAILURES: Record<BulkAction, string> = {
  activate: 'Tokens that failed keep their status and stay selected, so you can try again.',
  deactivate: 'Tokens that failed keep their status and stay selected, so you can try again.',
  delete: 'Tokens that failed stay selected, so you can try again.',
};

interface BulkReportDialogProps {
  report: BulkStatusReport;
  onUndo: () => void;
  onClose: () => void;
  onCloseAutoFocus: (event: Event) => void;
}

export function BulkReportDialog({ report, onUndo, onClose, onCloseAutoFocus }: BulkReportDialogProps) {
  const { outcome, changed, undo } = report;
  const title = undo ? 'Undo report' : TITLE[outcome.action];
  return (
    <Dialog
      closeButton={false}
      onClose={onClose}
      title={title}
      onCloseAutoFocus={onCloseAutoFocus}
      footer={
        <>
          {changed.length > 0 && (
            <button type="button" className="btn" onClick={onUndo}>
              Undo ({tokensNoun(changed.length)})
            </button>
          )}
          <button type="button" className="btn btn--primary" onClick={onClose}>
            Close
          </button>
        </>
      }
    >
      <BulkReport
        outcome={outcome}
        afterFailures={undo ? 'Tokens that failed kept the status they had.' : AFTER_FAILURES[outcome.action]}
      />
    </Dialog>
  );
}

/** What a bulk run did: the headline, each failure with the server's reason, and what was skipped or not sent. */
function BulkReport({ outcome, afterFailures }: { outcome: BulkOutcome; afterFailures: string }) {
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
      {outcome.failed.length > 0 && <p className="bulk-dialog__note">{afterFailures}</p>}
    </div>
  );
}
