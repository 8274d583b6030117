// The list narrowed to one of the Health view's checks (`?check=`): says which, what it means, and undoes it.
import { Link } from 'react-router';
import { healthCheck, type HealthCheckKey } from '../../../lib/token-health';
import { useListParams } from './use-list-params';
import { useBasePath } from '../../../lib/org-query';

export function HealthCheckNote({ check }: { check: HealthCheckKey | undefined }) {
  const base = useBasePath();
  const [, update] = useListParams();
  const chosen = healthCheck(check);
  if (!chosen) return null;
  return (
    <div className="callout health-check-note" role="status">
      <p>
        Showing the tokens of the health check <strong>{chosen.title}</strong>: {chosen.meaning}{' '}
        <Link to={`${base}/cleanup`}>Back to Health</Link>
      </p>
      <button type="button" className="btn btn--small" onClick={() => update({ check: undefined })}>
        Show all tokens
      </button>
    </div>
  );
}
