// "Export": the entries in view (loaded and matching the filters) as CSV or JSON Lines.
import { ChevronDown } from 'lucide-react';
import type { AuditEntry } from '../../../core/governance';
import { Menu } from '../../components/ui/menu';
import { useToast } from '../../components/ui/toast-context';
import { downloadText } from '../../lib/download-file';
import { activityFileName, activityToCsv, activityToJsonLines } from './model/activity-export';

interface ActivityExportMenuProps {
  entries: readonly AuditEntry[];
  orgName: string;
}

const entriesNoun = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'entry' : 'entries'}`;

export function ActivityExportMenu({ entries, orgName }: ActivityExportMenuProps) {
  const toast = useToast();
  function exportAs(format: 'csv' | 'jsonl') {
    const fileName = activityFileName(orgName, format);
    if (format === 'csv') downloadText(activityToCsv(entries), fileName, 'text/csv;charset=utf-8');
    else downloadText(activityToJsonLines(entries), fileName, 'application/x-ndjson');
    const label = format === 'csv' ? 'CSV' : 'JSON Lines';
    toast.show({ title: `Exported ${entriesNoun(entries.length)} as ${label}`, description: fileName });
  }
  const hint = `${entriesNoun(entries.length)} in view`;
  return (
    <Menu
      trigger={
        <button type="button" className="btn" disabled={entries.length === 0}>
          Export
          <ChevronDown />
        </button>
      }
      items={[
        { label: 'CSV', hint, onSelect: () => exportAs('csv') },
        { label: 'JSON Lines', hint, onSelect: () => exportAs('jsonl') },
      ]}
    />
  );
}
