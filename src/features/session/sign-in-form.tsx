// Shown when the server holds no token: the person pastes one, kept for this tab only.
import { useId, useState, type FormEvent } from 'react';
import { Key } from 'lucide-react';
import './sign-in-form.css';

interface SignInFormProps {
  upstream: string;
  /** Why the person is here again, e.g. the server refused the last token. */
  message?: string;
  onSignIn: (token: string) => void;
}

export function SignInForm({ upstream, message, onSignIn }: SignInFormProps) {
  const [token, setToken] = useState('');
  const [touched, setTouched] = useState(false);
  const id = useId();
  const empty = token.trim() === '';
  const invalid = touched && empty;

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!empty) onSignIn(token.trim());
  }

  return (
    <section className="sign-in" aria-label="Sign in">
      <div className="sign-in__card">
        <span className="sign-in__icon" aria-hidden="true">
          <Key />
        </span>
        <h1>Sign in with an API token</h1>
        <p className="sign-in__lead">
          This server has no token of its own for <strong>{upstream}</strong>. Paste an InfluxDB API token that may read
          and write authorizations. It is kept only in this browser tab.
        </p>
        {message && (
          <p className="sign-in__message" role="alert">
            {message}
          </p>
        )}
        <form onSubmit={submit} noValidate>
          <label className="field-label" htmlFor={id}>
            API token
          </label>
          <input
            id={id}
            // A masked text box rather than type=password: browsers then offer no password saving for a token.
            className="input sign-in__token"
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={token}
            onChange={(e) => setToken(e.target.value)}
            aria-describedby={invalid ? `${id}-error` : `${id}-hint`}
            aria-invalid={invalid}
          />
          {invalid ? (
            <p id={`${id}-error`} className="sign-in__error">
              Paste a token first.
            </p>
          ) : (
            <p id={`${id}-hint`} className="sign-in__hint">
              In InfluxDB: Load Data → API Tokens, or <code>influx auth list</code>.
            </p>
          )}
          <button type="submit" className="btn btn--primary">
            Sign in
          </button>
        </form>
      </div>
    </section>
  );
}
