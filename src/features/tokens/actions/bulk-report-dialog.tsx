// The bulk toast's Details: the whole report of a bulk Activate/Deactivate (or of its Undo), with Undo again.
import { Dialog } from '../../../components/ui/dialog';
import { tokensNoun } from '../model/token-count';
import { BulkReport } from './bulk-dialog';
import type { BulkStatusReport } from './page-dialog';

interface BulkReportDialogProps {
  report: BulkStatusReport;
  onUndo: () => void;
  onClose: () => void;
  onCloseAutoFocus: (event: Event) => void;
}

export function BulkReportDialog({ report, onUndo, onClose, onCloseAutoFocus }: BulkReportDialogProps) {
  const { outcome, changed, undo } = report;
  const title = undo ? 'Undo report' : outcome.action === 'activate' ? 'Activation report' : 'Deactivation report';
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
        afterFailures={
          undo
            ? 'Tokens that failed kept the status they had.'
            : 'Tokens that failed keep their status and stay selected, so you can try again.'
        }
      />
    </Dialog>
  );
}
