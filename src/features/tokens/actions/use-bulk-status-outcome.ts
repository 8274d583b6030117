// After a bulk action: a toast (not a modal) says what happened, with Details, which opens the full report (each
// failure with its reason), and after an Activate/Deactivate Undo, which switches back exactly the tokens that changed.
// A delete has no Undo: InfluxDB cannot bring a deleted token back.
import { useToast } from '../../../components/ui/toast-context';
import type { Authorization } from '../../../../core/influx-types';
import { useBulkAction } from '../api/use-bulk-action';
import { bulkDone, outcomeNotes, type BulkOutcome } from '../model/bulk-plan';
import { formatCount, tokensNoun } from '../model/token-count';
import { usePageDialog, type BulkStatusReport } from './page-dialog';

const REVERSE = { activate: 'deactivate', deactivate: 'activate' } as const;

/** "3 tokens deactivated, 1 failed" / "5,008 tokens deleted" / "Undone: 3 tokens activated again". */
function bulkStatusTitle(outcome: BulkOutcome, undo: boolean): string {
  const done = `${tokensNoun(outcome.succeeded.length)} ${bulkDone(outcome.action)}${undo ? ' again' : ''}`;
  const failed = outcome.failed.length > 0 ? `, ${formatCount(outcome.failed.length)} failed` : '';
  return `${undo ? 'Undone: ' : ''}${done}${failed}`;
}

export function useBulkStatusOutcome() {
  const toast = useToast();
  const { open } = usePageDialog();
  const { mutate } = useBulkAction();

  function show(report: BulkStatusReport) {
    const { outcome, changed } = report;
    const notes = outcomeNotes(outcome);
    if (outcome.failed.length > 0) notes.unshift('Details lists each failure with InfluxDB’s reason.');
    toast.show({
      id: 'bulk-status',
      tone: outcome.failed.length > 0 ? 'error' : 'info',
      title: bulkStatusTitle(outcome, report.undo),
      description: notes.join(' ') || undefined,
      action: changed.length > 0 ? { label: 'Undo', onAction: () => undo(report) } : undefined,
      secondaryAction: { label: 'Details', onAction: () => open({ kind: 'bulk-report', report }) },
      durationMs: 15_000,
    });
  }

  /** Switches back exactly the tokens that changed, then reports that in the same toast. */
  function undo(report: BulkStatusReport) {
    const { outcome, changed } = report;
    if (outcome.action === 'delete' || changed.length === 0) return;
    mutate(
      { plan: { action: REVERSE[outcome.action], todo: changed, skipped: [] } },
      {
        onSuccess: (result) => show({ outcome: result, changed: [], undo: true }),
        onError: (error) =>
          toast.show({ id: 'bulk-status', tone: 'error', title: 'Could not undo', description: error.message }),
      },
    );
  }

  const announce = (outcome: BulkOutcome, changed: Authorization[]) => show({ outcome, changed, undo: false });
  return { announce, undo };
}
