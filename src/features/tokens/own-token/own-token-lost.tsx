// Shown instead of the list when InfluxDB no longer accepts the page's own token: says exactly that, and how to
// recover (the stand-in: a recovery command, then Try again; InfluxDB: another token).
import { StatePanel } from '../../../components/ui/state-panel';
import { RECOVERY_COMMAND, type OwnToken } from '../../../lib/session/own-token';
import { tokenLabel } from '../../../lib/token-label';
import './own-token.css';

interface OwnTokenLostProps {
  own: OwnToken;
  checking: boolean;
  onTryAgain: () => void;
  onSignOut?: () => void;
}

export function OwnTokenLost({ own, checking, onTryAgain, onSignOut }: OwnTokenLostProps) {
  const name = own.id ? `, “${tokenLabel(own.description ?? '')}” (ID ${own.id}),` : '';
  const what =
    own.state === 'inactive'
      ? `The token this page uses${name} is inactive, so InfluxDB refuses every request the page makes.`
      : `InfluxDB no longer accepts the token this page uses${own.message ? ` (“${own.message}”)` : ''}: it was deleted, or is not one of this InfluxDB's tokens.`;
  return (
    <StatePanel
      title="This page's own token no longer works"
      tone="error"
      role="alert"
      actions={
        <>
          <button type="button" className="btn btn--primary" onClick={onTryAgain} disabled={checking}>
            {checking ? 'Checking…' : 'Try again'}
          </button>
          {onSignOut && (
            <button type="button" className="btn" onClick={onSignOut}>
              Sign in with another token
            </button>
          )}
        </>
      }
    >
      <p>{what}</p>
      {own.source === 'pasted' ? (
        <p>
          Sign in with another token that may read and write authorizations; an owner of this token can also activate it
          again.
        </p>
      ) : own.recoverable ? (
        <p className="own-token-lost__steps">
          To recover, make a new operator token in the project folder (with the same <code>DATA_DIR</code>):{' '}
          <code className="own-token-lost__command">{RECOVERY_COMMAND}</code> then press Try again. Nothing else needs a
          restart.
        </p>
      ) : (
        <p>
          Activate it again with another token (<code>influx auth active --id {own.id ?? '<ID>'}</code>), or set{' '}
          <code>INFLUX_TOKEN</code> to a working token and restart the server. On InfluxDB OSS,{' '}
          <code>influxd recovery auth create-operator</code> makes a new operator token.
        </p>
      )}
    </StatePanel>
  );
}
