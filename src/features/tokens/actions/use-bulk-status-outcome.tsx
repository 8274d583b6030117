// After a bulk Activate/Deactivate: a toast (not a modal) says what changed, with Undo that switches back
// exactly the tokens that changed, and Details, which keeps the full report (each failure with its reason).
import { useState, type ReactNode } from 'react';
import { useOnDemand } from '../../../components/ui/on-demand';
import { useToast } from '../../../components/ui/toast-context';
import type { Authorization } from '../../../../core/influx-types';
import { useBulkAction } from '../api/use-bulk-action';
import { outcomeNotes, tokensNoun, type BulkAction, type BulkOutcome } from '../model/bulk-plan';
import { bulkReportDialog } from '../dialogs-on-demand';

const DONE: Record<BulkAction, string> = { activate: 'activated', deactivate: 'deactivated', delete: 'deleted' };
const REVERSE: Record<'activate' | 'deactivate', 'activate' | 'deactivate'> = {
  activate: 'deactivate',
  deactivate: 'activate',
};

interface Report {
  outcome: BulkOutcome;
  /** The tokens that switched (as they were before), for Undo; empty once undone or for an undo's own report. */
  changed: Authorization[];
  undo: boolean;
}

/** "3 tokens deactivated, 1 failed" / "Undone: 3 tokens activated again". */
function bulkStatusTitle(outcome: BulkOutcome, undo: boolean): string {
  const done = `${tokensNoun(outcome.succeeded.length)} ${DONE[outcome.action]}${undo ? ' again' : ''}`;
  const failed = outcome.failed.length > 0 ? `, ${outcome.failed.length} failed` : '';
  return `${undo ? 'Undone: ' : ''}${done}${failed}`;
}

export function useBulkStatusOutcome(restoreFocus: () => void): {
  announce: (outcome: BulkOutcome, changed: Authorization[]) => void;
  details: ReactNode;
} {
  const toast = useToast();
  const { mutate } = useBulkAction();
  const [details, setDetails] = useState<Report | null>(null);

  function show(report: Report) {
    const { outcome, changed } = report;
    const notes = outcomeNotes(outcome);
    if (outcome.failed.length > 0) notes.unshift('Details lists each failure with InfluxDB’s reason.');
    toast.show({
      id: 'bulk-status',
      tone: outcome.failed.length > 0 ? 'error' : 'info',
      title: bulkStatusTitle(outcome, report.undo),
      description: notes.join(' ') || undefined,
      action: changed.length > 0 ? { label: 'Undo', onAction: () => undo(report) } : undefined,
      secondaryAction: { label: 'Details', onAction: () => setDetails(report) },
      durationMs: 15_000,
    });
  }

  /** Switches back exactly the tokens that changed, then reports that in the same toast. */
  function undo(report: Report) {
    const { outcome, changed } = report;
    if (outcome.action === 'delete' || changed.length === 0) return;
    mutate(
      {
        plan: { action: REVERSE[outcome.action], todo: changed, skipped: [] },
        signal: new AbortController().signal,
        onProgress: () => {},
      },
      {
        onSuccess: (result) => show({ outcome: result, changed: [], undo: true }),
        onError: (error) =>
          toast.show({ id: 'bulk-status', tone: 'error', title: 'Could not undo', description: error.message }),
      },
    );
  }

  const announce = (outcome: BulkOutcome, changed: Authorization[]) => show({ outcome, changed, undo: false });

  const detailsModule = useOnDemand(bulkReportDialog, details !== null);
  const dialog = details && detailsModule && (
    <detailsModule.BulkReportDialog
      title={
        details.undo
          ? 'Undo report'
          : details.outcome.action === 'activate'
            ? 'Activation report'
            : 'Deactivation report'
      }
      outcome={details.outcome}
      undoCount={details.changed.length}
      afterFailures={
        details.undo
          ? 'Tokens that failed kept the status they had.'
          : 'Tokens that failed keep their status and stay selected, so you can try again.'
      }
      onUndo={() => {
        undo(details);
        setDetails(null);
      }}
      onClose={() => setDetails(null)}
      onCloseAutoFocus={(event) => {
        // The toast that opened it is gone: back to the list.
        event.preventDefault();
        restoreFocus();
      }}
    />
  );
  return { announce, details: dialog };
}
