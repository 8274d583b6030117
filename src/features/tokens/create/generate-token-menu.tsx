// "Generate API Token": All Access or Custom, as on InfluxDB's own page.
import { ChevronDownIcon } from '../../../components/ui/icons';
import { Menu } from '../../../components/ui/menu';
import { preloadGenerate } from '../dialogs-on-demand';

export type GenerateKind = 'all-access' | 'custom';

export function GenerateTokenMenu({ onChoose }: { onChoose: (kind: GenerateKind) => void }) {
  return (
    <Menu
      align="end"
      onReach={preloadGenerate}
      trigger={
        <button type="button" className="btn btn--primary">
          Generate API Token
          <ChevronDownIcon />
        </button>
      }
      items={[
        {
          label: 'All Access API Token',
          hint: 'Read and write everything in the organization',
          onSelect: () => onChoose('all-access'),
        },
        { label: 'Custom API Token', hint: 'Choose buckets and resources', onSelect: () => onChoose('custom') },
      ]}
    />
  );
}
