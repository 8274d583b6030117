// The frame around every page: the header, and the session gate (config, sign-in) before the page itself.
import { Link, Outlet } from 'react-router';
import { FailedPanel, StatePanel } from '../components/ui/state-panel';
import { ToastOutlet } from '../components/ui/toast-outlet';
import { useBasePath } from '../lib/org-query';
import { lazyPart } from '../components/ui/lazy-part';
import { useSessionState } from '../features/session/use-session-state';
import { FindBox } from '../features/find';
import { ConnectionScope } from './connection-scope';
import { ConnectionSwitcher } from './connection-switcher';
import { OrgSwitcher } from './org-switcher';
import './app-shell.css';

/** The sign-in form: not needed when a session exists, so it is fetched only when there is none. */
const SignInForm = lazyPart('the sign-in form', () =>
  import('../features/session/sign-in-form').then((m) => m.SignInForm),
);

export function AppShell() {
  const { configQuery, session, signIn, signedOutMessage } = useSessionState();
  const config = configQuery.data;
  const base = useBasePath();

  let content;
  if (configQuery.isPending) {
    content = <StatePanel title="Loading…" role="status" />;
  } else if (configQuery.isError) {
    content = (
      <FailedPanel
        title="Could not load the app's settings"
        message={configQuery.error.message}
        onRetry={() => void configQuery.refetch()}
      />
    );
  } else if (!session) {
    content = <SignInForm upstream={config?.upstream ?? 'InfluxDB'} message={signedOutMessage} onSignIn={signIn} />;
  } else {
    content = <Outlet />;
  }

  const shell = (
    <>
      {session && (
        // Past the header and the filters, straight to the tokens (WCAG 2.4.1).
        <a
          className="skip-link"
          href="#token-list"
          onClick={(event) => {
            const list = document.getElementById('token-list');
            if (!list) return;
            event.preventDefault();
            list.focus({ preventScroll: true });
            list.scrollIntoView({ block: 'start' });
          }}
        >
          Skip to the token list
        </a>
      )}
      <header className="app-header">
        <Link className="app-header__brand" to={`${base}/tokens`}>
          <span className="app-header__logo" aria-hidden="true" />
          InfluxDB Token Manager
        </Link>
        {session ? (
          <>
            <ConnectionSwitcher />
            <FindBox />
            <OrgSwitcher />
          </>
        ) : (
          config && (
            <span className="app-header__upstream" title={config.upstream}>
              {config.mode === 'standin' ? 'Local stand-in' : config.upstream}
            </span>
          )
        )}
        {session?.usesPastedToken && (
          <button type="button" className="btn btn--small" onClick={() => session.signOut()}>
            Sign out
          </button>
        )}
      </header>
      <main className="app-main">{content}</main>
      <ToastOutlet />
    </>
  );
  // Signed in: everything, header included, works on the connection the URL names (the default one if none).
  return (
    <div className="app-shell">{session ? <ConnectionScope session={session}>{shell}</ConnectionScope> : shell}</div>
  );
}
