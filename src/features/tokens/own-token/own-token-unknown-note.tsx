// Said once, quietly, where the page cannot tell which token it runs on: why (the server's words), and that
// switching off a token that may be it asks first. Dismissible; it comes back only with a new visit.
import { X } from 'lucide-react';
import './own-token.css';

export function OwnTokenUnknownNote({ message, onDismiss }: { message?: string; onDismiss: () => void }) {
  return (
    <p className="own-token-note">
      <span>
        {message ?? 'The page cannot tell which token it runs on.'} Switching off a token that may be it asks first.
      </span>
      <button type="button" className="icon-btn" aria-label="Dismiss this note" onClick={onDismiss}>
        <X />
      </button>
    </p>
  );
}
