// Before a bulk Deactivate or Delete, where the page cannot tell which token it runs on and the selection holds
// tokens that may be it: they are left out unless the person ticks them in on purpose (as the page's own token is).
import type { Authorization } from '../../../../core/influx-types';
import type { BulkAction } from '../model/bulk-plan';
import { tokenLabel } from '../../../lib/token-label';
import { LeaveOutQuestion, MAYBE_OWN_CONSEQUENCE, MAYBE_OWN_TITLE } from './own-token-confirm';

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
  const names = candidates.map((token) => `“${tokenLabel(token.description)}”`).join(', ');
  const one = candidates.length === 1;
  return (
    <LeaveOutQuestion
      title={MAYBE_OWN_TITLE}
      description={`The page cannot tell which token it runs on, and the selection holds ${one ? 'a token' : `${candidates.length} tokens`} that could be it: ${names}. ${one ? 'It is' : 'They are'} left out of this ${action} unless you tick ${one ? 'it' : 'them'} in below.`}
      tick={`Also ${action} ${one ? 'it' : 'them'}. ${MAYBE_OWN_CONSEQUENCE}`}
      leftOut={candidates.length}
      others={others}
      onContinue={onContinue}
      onClose={onClose}
    />
  );
}
