// The Health view at /cleanup: what to clean up among the org's tokens. Each check counts the tokens it finds, says
// in a line what that means, and links to the tokens list filtered to exactly those (`/tokens?check=<key>`).
import { useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { ArrowLeft } from 'lucide-react';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { GovernanceState } from '../../../core/governance';
import { FailedPanel, StatePanel } from '../../components/ui/state-panel';
import { useSession } from '../../lib/session/session-context';
import { buildHealthContext, HEALTH_CHECKS, healthCounts, type HealthCheck } from '../../lib/token-health';
import { useBasePath, useCurrentOrg } from '../../lib/org-query';
import { healthQueries } from './api/health-queries';
import { HealthCheckRow } from './health-check-row';
import '../../components/ui/controls.css';
import './health-page.css';

export const LAST_USE_NOTE =
  'Last use: InfluxDB does not record when a token was last used, so this view cannot tell which tokens are unused.';

export function HealthPage() {
  const { client } = useSession();
  const base = useBasePath();
  const queryClient = useQueryClient();
  const org = useCurrentOrg();
  const orgID = org.data?.id;
  const tokens = useQuery({
    ...healthQueries.tokens(client, orgID ?? '', queryClient),
    enabled: orgID !== undefined,
  });
  const users = useQuery(healthQueries.users(client));
  const governance = useQuery({ ...healthQueries.governance(client, orgID ?? ''), enabled: orgID !== undefined });

  const expiries = useMemo(
    () =>
      governance.data?.available ? new Map(governance.data.expiries.map((e) => [e.tokenID, e] as const)) : undefined,
    [governance.data],
  );
  // Measured from when the list was read, so the counts describe that list (and do not change as the page sits).
  const now = tokens.dataUpdatedAt;
  const counts = useMemo(() => {
    if (!tokens.data) return undefined;
    const context = buildHealthContext({ tokens: tokens.data, now, userIDs: users.data, expiries });
    return healthCounts(tokens.data, context);
  }, [tokens.data, now, users.data, expiries]);

  const unknown: Record<NonNullable<HealthCheck['needs']>, string | undefined> = {
    users: usersUnknown(users),
    expiries: expiryUnknown(governance),
  };
  const error = org.error ?? tokens.error;
  let content;
  if (error && !counts) {
    content = (
      <FailedPanel
        title="Could not check the tokens"
        message={error.message}
        onRetry={() => void (org.isError ? org.refetch() : tokens.refetch())}
      />
    );
  } else if (!counts) {
    content = <StatePanel title="Checking the tokens…" role="status" />;
  } else {
    content = (
      <ul className="health-checks" aria-label="What to clean up">
        {HEALTH_CHECKS.map((check) => (
          <HealthCheckRow
            key={check.key}
            check={check}
            count={counts[check.key]}
            unknown={check.needs && unknown[check.needs]}
          />
        ))}
      </ul>
    );
  }

  return (
    <div className="health-page">
      <nav aria-label="Breadcrumb" className="health-page__back">
        <Link to={`${base}/tokens`}>
          <ArrowLeft aria-hidden="true" />
          API Tokens
        </Link>
      </nav>
      <h1>Health</h1>
      <p className="health-page__intro">
        What to clean up among {org.data ? `the tokens of ${org.data.name}` : 'the tokens'}: each count opens the list
        with just those tokens, ready for bulk actions.
      </p>
      {content}
      <p className="health-page__note">{LAST_USE_NOTE}</p>
    </div>
  );
}

function usersUnknown(users: UseQueryResult<ReadonlySet<string>, Error>): string | undefined {
  if (users.data) return undefined;
  return users.isError ? `Unknown: could not read the users (${users.error.message}).` : 'Reading the users…';
}

function expiryUnknown(governance: UseQueryResult<GovernanceState, Error>): string | undefined {
  const state = governance.data;
  if (state?.available) return undefined;
  if (state)
    return `Expiry unknown: ${state.unavailableReason ?? 'this console holds no token of its own to deactivate tokens with.'}`;
  return governance.isError
    ? `Expiry unknown: could not load the expiry dates (${governance.error.message}).`
    : 'Loading the expiry dates…';
}
