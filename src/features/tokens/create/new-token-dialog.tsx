// The new token's string, shown once: copy it (with fallbacks), and closing before copying asks first.
import { useId, useRef, useState } from 'react';
import { ConfirmDialog, Dialog } from '../../../components/ui/dialog';
import { Copy } from 'lucide-react';
import type { Authorization } from '../../../../core/influx-types';
import { tokenLabel } from '../../../lib/token-label';
import { copyText } from '../../../lib/clipboard';
import type { CreatedNote } from './use-new-token-expiry';
import './new-token-dialog.css';

export type NewTokenOrigin = 'created' | 'cloned' | 'rotated';

interface NewTokenDialogProps {
  /** The POST answer, with its token string. */
  token: Authorization;
  /** Said in the title. */
  origin: NewTokenOrigin;
  onClose: () => void;
  /** Rotate: the token this one replaces, still active; `onRetire` deactivates it once the person says so. */
  replaces?: Authorization;
  onRetire?: () => void;
  onCloseAutoFocus?: (event: Event) => void;
  /** What became of the expiry chosen when generating it (set, or not set and why). */
  note?: CreatedNote;
}

const TITLE = {
  created: 'API token created: copy it now',
  cloned: 'Token cloned: copy it now',
  rotated: 'Replacement created: copy it now',
};

type Leave = 'close' | 'retire';

export function NewTokenDialog({
  token,
  origin,
  onClose,
  replaces,
  onRetire,
  onCloseAutoFocus,
  note,
}: NewTokenDialogProps) {
  const [copy, setCopy] = useState<'idle' | 'copying' | 'copied' | 'manual'>('idle');
  // Copied by the button or by hand (Ctrl+C in the field): either way the person has it.
  const [copied, setCopied] = useState(false);
  // While asking "Close anyway?": what the person asked for when the copy guard stopped them.
  const [confirming, setConfirming] = useState<Leave | null>(null);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  function leave(how: Leave) {
    if (how === 'retire') onRetire?.();
    onClose();
  }
  const requestClose = (how: Leave = 'close') => (copied ? leave(how) : setConfirming(how));

  async function onCopy() {
    setCopy('copying');
    const copiedNow = await copyText(token.token, { field: fieldRef.current });
    setCopy(copiedNow ? 'copied' : 'manual');
    if (copiedNow) setCopied(true);
  }

  return (
    <>
      <Dialog
        // After Rotate, two long answers: wide enough for them to sit side by side, not stacked.
        size={replaces ? 'large' : 'small'}
        closeButton={false}
        onClose={() => requestClose()}
        title={TITLE[origin]}
        onCloseAutoFocus={onCloseAutoFocus}
        onOpenAutoFocus={(event) => {
          event.preventDefault();
          fieldRef.current?.focus(); // which selects it
        }}
        footer={
          replaces ? (
            <>
              <button type="button" className="btn" onClick={() => requestClose()}>
                Keep old token active
              </button>
              <button type="button" className="btn btn--primary" onClick={() => requestClose('retire')}>
                New token is in place: deactivate old
              </button>
            </>
          ) : (
            <button type="button" className="btn btn--primary" onClick={() => requestClose()}>
              Close
            </button>
          )
        }
      >
        <div className="callout callout--warning">
          <p>
            <strong>Make sure to copy your new API token now. You won&apos;t be able to see it again!</strong>
          </p>
        </div>
        <label className="field-label" htmlFor={`${id}-token`}>
          Token for “{tokenLabel(token.description)}”
        </label>
        <textarea
          ref={fieldRef}
          id={`${id}-token`}
          className="input new-token__value"
          readOnly
          rows={3}
          spellCheck={false}
          autoComplete="off"
          value={token.token}
          onFocus={(e) => e.currentTarget.select()}
          onCopy={() => setCopied(true)}
        />
        <div className="new-token__copy">
          <button type="button" className="btn" onClick={() => void onCopy()} disabled={copy === 'copying'}>
            <Copy />
            Copy to clipboard
          </button>
          <p className={`new-token__feedback${copy === 'manual' ? ' new-token__feedback--warn' : ''}`} role="status">
            {copy === 'copied'
              ? 'Copied to the clipboard.'
              : copy === 'manual'
                ? 'This browser did not let the page copy. The token is selected: press Ctrl+C (⌘C on a Mac) to copy it.'
                : ''}
          </p>
        </div>
        {note && (
          <div
            className={`callout${note.tone === 'error' ? ' callout--error' : ''}`}
            role={note.tone === 'error' ? 'alert' : undefined}
          >
            <p>{note.text}</p>
          </div>
        )}
        {replaces && (
          <div className="callout">
            <p>
              “{tokenLabel(replaces.description)}” is still active. Put this new token where the old one is used, then
              deactivate the old one here.
            </p>
          </div>
        )}
      </Dialog>
      {confirming && (
        <ConfirmDialog
          onClose={() => setConfirming(null)}
          title="You haven't copied this token. Close anyway?"
          description="Once this dialog closes, the token cannot be shown again. You would have to generate a new one."
          cancelLabel="Go back"
          actionLabel={confirming === 'retire' ? 'Deactivate old anyway' : 'Close anyway'}
          onAction={() => {
            setConfirming(null);
            leave(confirming);
          }}
        />
      )}
    </>
  );
}
