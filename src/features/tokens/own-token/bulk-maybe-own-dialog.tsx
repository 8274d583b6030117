// Before a bulk Deactivate or Delete, where the page cannot tell which token it runs on and the selection holds
// tokens that may be it: they are left out unless the person ticks them in on purpose (as the page's own token is).
import { useId, useState } from 'react';
import { ConfirmDialog } from '../../../components/ui/dialog';
import type { Authorization } from '../../../../core/influx-types';
import type { BulkAction } from '../model/bulk-plan';
import { tokensNoun } from '../model/token-count';
import { tokenLabel } from '../model/token-label';
import { MAYBE_OWN_CONSEQUENCE, MAYBE_OWN_TITLE } from './own-token-confirm';
import './own-token.css';

interface BulkMaybeOwnTokenDialogProps {
  action: Extract<BulkAction, 'deactivate' | 'delete'>;
  /** The selected tokens that may be the page's own. */
  candidates: Authorization[];
  /** How many selected tokens besides those. */
  others: number;
  onContinue: (includeCandidates: boolean) => void;
  onClose: () => void;
}

export function BulkMaybeOwnTokenDialog({
  action,
  candidates,
  others,
  onContinue,
  onClose,
}: BulkMaybeOwnTokenDialogProps) {
  const [include, setInclude] = useState(false);
  const id = useId();
  const count = others + (include ? candidates.length : 0);
  const names = candidates.map((token) => `“${tokenLabel(token.description)}”`).join(', ');
  const them = candidates.length === 1 ? 'it' : 'them';
  return (
    <ConfirmDialog
      onClose={onClose}
      title={MAYBE_OWN_TITLE}
      description={`The page cannot tell which token it runs on, and the selection holds ${candidates.length === 1 ? 'a token' : `${candidates.length} tokens`} that could be it: ${names}. ${candidates.length === 1 ? 'It is' : 'They are'} left out of this ${action} unless you tick ${them} in below.`}
      actionLabel={count === 0 ? `Leave ${them} out (nothing else to do)` : `Continue with ${tokensNoun(count)}`}
      tone={include ? 'danger' : 'primary'}
      onAction={() => (count === 0 ? onClose() : onContinue(include))}
    >
      <div className="own-token-warning">
        <input
          id={id}
          type="checkbox"
          className="checkbox"
          checked={include}
          onChange={(e) => setInclude(e.target.checked)}
        />{' '}
        <label htmlFor={id}>
          Also {action} {them}. {MAYBE_OWN_CONSEQUENCE}
        </label>
      </div>
    </ConfirmDialog>
  );
}
