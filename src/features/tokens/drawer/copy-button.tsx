// A button that copies text and says so ("Copied") for a moment, or says that it could not.
import { useEffect, useRef, useState } from 'react';
import { Copy } from 'lucide-react';
import { copyText } from '../../../lib/clipboard';

const FEEDBACK = { idle: '', copied: 'Copied', failed: 'Could not copy: select the text and copy it by hand' };

export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<keyof typeof FEEDBACK>('idle');
  const ref = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2_000);
    return () => clearTimeout(timer);
  }, [state]);

  return (
    <>
      <button
        ref={ref}
        type="button"
        className="btn btn--small"
        onClick={() => void copyText(text, { near: ref.current }).then((ok) => setState(ok ? 'copied' : 'failed'))}
      >
        <Copy />
        {label}
      </button>
      <span className="copy-feedback" role="status">
        {FEEDBACK[state]}
      </span>
    </>
  );
}
