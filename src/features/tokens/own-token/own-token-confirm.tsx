// Questions asked before the page's own token is switched off or deleted: once alone (the drawer's switch),
// and in bulk, where it is left out unless the person ticks it in on purpose.
import { useId, useState } from 'react';
import { ConfirmDialog } from '../../../components/ui/dialog';
import type { Authorization } from '../../../../core/influx-types';
import { type BulkAction } from '../model/bulk-plan';
import { tokensNoun } from '../model/token-count';
import { tokenLabel } from '../../../lib/token-label';
import { useOwnTokenMatch } from './own-token-context';
import './own-token.css';

export const LOCKOUT_CONSEQUENCE =
  'The page signs in to InfluxDB with this token: once it stops working, every request is refused, Undo included, until you recover.';

export const MAYBE_OWN_TITLE = 'This may be the token this console uses';

/** What a token that may be the page's own would do if it is. */
export const MAYBE_OWN_CONSEQUENCE =
  'If it is, once it stops working InfluxDB refuses every request the page makes, Undo included, until you recover.';

/** Before the page's own token goes off; or, where the page cannot tell which token it runs on, one that may be it. */
export function DeactivateOwnTokenDialog({
  token,
  onConfirm,
  onClose,
}: {
  token: Authorization;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const label = tokenLabel(token.description);
  if (useOwnTokenMatch()(token) === 'maybe') {
    return (
      <ConfirmDialog
        onClose={onClose}
        title={MAYBE_OWN_TITLE}
        description={`The page cannot tell which token it runs on, and “${label}” could be it: an active token of the signed-in user that may change tokens. ${MAYBE_OWN_CONSEQUENCE}`}
        actionLabel={`Deactivate “${label}”`}
        onAction={onConfirm}
      />
    );
  }
  return (
    <ConfirmDialog
      onClose={onClose}
      title={`Deactivate “${label}”, this page's own token?`}
      description={LOCKOUT_CONSEQUENCE}
      actionLabel="Deactivate and lock this page out"
      onAction={onConfirm}
    />
  );
}

interface BulkWithOwnTokenDialogProps {
  action: Extract<BulkAction, 'deactivate' | 'delete'>;
  own: Authorization;
  /** How many selected tokens besides the page's own. */
  others: number;
  onContinue: (includeOwn: boolean) => void;
  onClose: () => void;
}

export function BulkWithOwnTokenDialog({ action, own, others, onContinue, onClose }: BulkWithOwnTokenDialogProps) {
  return (
    <LeaveOutQuestion
      title="The selection includes this page's own token"
      description={`“${tokenLabel(own.description)}” is the token this page runs on. It is left out of this ${action} unless you tick it in below.`}
      tick={`Also ${action} this page's own token. ${LOCKOUT_CONSEQUENCE}`}
      leftOut={1}
      others={others}
      onContinue={onContinue}
      onClose={onClose}
    />
  );
}

interface LeaveOutQuestionProps {
  title: string;
  description: string;
  /** The checkbox's label: ticking it puts the left-out tokens back. */
  tick: string;
  /** How many selected tokens are left out unless ticked in, and how many others go ahead anyway. */
  leftOut: number;
  others: number;
  onContinue: (includeLeftOut: boolean) => void;
  onClose: () => void;
}

/** Before a bulk Deactivate or Delete: tokens that may lock the page out are left out unless ticked in on purpose. */
export function LeaveOutQuestion({
  title,
  description,
  tick,
  leftOut,
  others,
  onContinue,
  onClose,
}: LeaveOutQuestionProps) {
  const [include, setInclude] = useState(false);
  const id = useId();
  const count = others + (include ? leftOut : 0);
  return (
    <ConfirmDialog
      onClose={onClose}
      title={title}
      description={description}
      actionLabel={
        count === 0
          ? `Leave ${leftOut === 1 ? 'it' : 'them'} out (nothing else to do)`
          : `Continue with ${tokensNoun(count)}`
      }
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
        />
        <label htmlFor={id}>{tick}</label>
      </div>
    </ConfirmDialog>
  );
}
