// The bulk toast's Details: the whole report of a bulk Activate/Deactivate (or its Undo), with Undo again.
// Loaded on demand (dialogs-on-demand.ts): it only follows a bulk run.
import { ModalDialog } from '../../../components/ui/modal-dialog';
import { tokensNoun, type BulkOutcome } from '../model/bulk-plan';
import { BulkReport } from './bulk-dialog';

interface BulkReportDialogProps {
  title: string;
  outcome: BulkOutcome;
  /** How many tokens Undo would switch back; 0 hides it. */
  undoCount: number;
  afterFailures: string;
  onUndo: () => void;
  onClose: () => void;
  onCloseAutoFocus: (event: Event) => void;
}

export function BulkReportDialog({
  title,
  outcome,
  undoCount,
  afterFailures,
  onUndo,
  onClose,
  onCloseAutoFocus,
}: BulkReportDialogProps) {
  return (
    <ModalDialog
      open
      closeButton={false}
      onOpenChange={(open) => !open && onClose()}
      title={title}
      onCloseAutoFocus={onCloseAutoFocus}
      footer={
        <>
          {undoCount > 0 && (
            <button type="button" className="btn" onClick={onUndo}>
              Undo ({tokensNoun(undoCount)})
            </button>
          )}
          <button type="button" className="btn btn--primary" onClick={onClose}>
            Close
          </button>
        </>
      }
    >
      <BulkReport outcome={outcome} afterFailures={afterFailures} />
    </ModalDialog>
  );
}
