// "Export": the tokens in view (current filters and sort) as CSV or JSON, never with token strings.
import { ChevronDown } from 'lucide-react';
import { Menu } from '../../../components/ui/menu';
import { useToast } from '../../../components/ui/toast-context';
import type { Authorization } from '../../../../core/influx-types';
import { tokensNoun } from '../model/token-count';
import { exportFileName, tokensToCsv, tokensToJson } from '../model/export-tokens';
import { downloadText } from '../../../lib/download-file';

interface ExportMenuProps {
  /** The tokens in view, in view order (read only when an item is chosen). */
  tokensInView: () => Authorization[];
  count: number;
  orgName: string;
}

export function ExportMenu({ tokensInView, count, orgName }: ExportMenuProps) {
  const toast = useToast();
  function exportAs(format: 'csv' | 'json') {
    const tokens = tokensInView();
    const fileName = exportFileName(orgName, format);
    if (format === 'csv') downloadText(tokensToCsv(tokens), fileName, 'text/csv;charset=utf-8');
    else downloadText(tokensToJson(tokens), fileName, 'application/json');
    toast.show({ title: `Exported ${tokensNoun(tokens.length)} as ${format.toUpperCase()}`, description: fileName });
  }
  const hint = `${tokensNoun(count)} in view, without token strings`;
  return (
    <Menu
      trigger={
        <button type="button" className="btn" disabled={count === 0}>
          Export
          <ChevronDown />
        </button>
      }
      items={[
        { label: 'CSV', hint, onSelect: () => exportAs('csv') },
        { label: 'JSON', hint, onSelect: () => exportAs('json') },
      ]}
    />
  );
}
