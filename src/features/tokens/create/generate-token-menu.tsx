// "Generate API Token": All Access or Custom, as on InfluxDB's own page.
import { ChevronDown } from 'lucide-react';
import { Menu } from '../../../components/ui/menu';

export type GenerateKind = 'all-access' | 'custom';

interface GenerateTokenMenuProps {
  onChoose: (kind: GenerateKind) => void;
  /** The person points at or focuses the button: fetch the dialogs' code now. */
  onReach: () => void;
}

export function GenerateTokenMenu({ onChoose, onReach }: GenerateTokenMenuProps) {
  return (
    <Menu
      onReach={onReach}
      trigger={
        <button type="button" className="btn btn--primary">
          Generate API Token
          <ChevronDown />
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
