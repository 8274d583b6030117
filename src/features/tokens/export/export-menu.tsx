// "Export": the tokens in view (current filters and sort) as CSV or JSON, never with token strings.
import { useToast } from '../../../components/ui/toast-context';
import { ChevronDownIcon } from '../../../components/ui/icons';
import { Menu } from '../../../components/ui/menu';
import type { Authorization } from '../../../../core/influx-types';
import { tokensNoun } from '../model/bulk-plan';
import { exportTokens } from '../dialogs-on-demand';

interface ExportMenuProps {
  /** The tokens in view, in view order (read only when an item is chosen). */
  tokensInView: () => Authorization[];
  count: number;
  orgName: string;
}

export function ExportMenu({ tokensInView, count, orgName }: ExportMenuProps) {
  const toast = useToast();
  // The file-making code is fetched when the person points at or focuses Export, so choosing a format does not wait.
  const preload = () => void exportTokens.preload().catch(() => {});
  function exportAs(format: 'csv' | 'json') {
    const tokens = tokensInView();
    exportTokens.preload().then(
      ({ saveTokensFile }) => {
        const fileName = saveTokensFile(tokens, orgName, format);
        toast.show({
          title: `Exported ${tokensNoun(tokens.length)} as ${format.toUpperCase()}`,
          description: fileName,
        });
      },
      (error: unknown) =>
        toast.show({ title: 'Could not export', description: error instanceof Error ? error.message : String(error) }),
    );
  }
  const hint = `${tokensNoun(count)} in view, without token strings`;
  return (
    <Menu
      align="end"
      trigger={
        <button type="button" className="btn" disabled={count === 0} onPointerEnter={preload} onFocus={preload}>
          Export
          <ChevronDownIcon />
        </button>
      }
      items={[
        { label: 'CSV', hint, onSelect: () => exportAs('csv') },
        { label: 'JSON', hint, onSelect: () => exportAs('json') },
      ]}
    />
  );
}
