// Under /c/<name>/…, the page works on that connection: its own client (/c/<name>/api/…), its own query cache (so
// one InfluxDB's orgs, tokens and failures never show under another's, and a connection that does not answer leaves
// the others' data alone), and its production mark. /c/<default>/… leads to the default connection's own paths.
import { QueryClientProvider } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import { ProductionContext } from '../components/ui/production-mark';
import { StatePanel } from '../components/ui/state-panel';
import { connectionClient, connectionPrefix } from '../lib/connections';
import { createAppQueryClient } from '../lib/query-client';
import { SessionContext, type Session } from '../lib/session/session-context';

export function ConnectionScope({ session, children }: { session: Session; children: ReactNode }) {
  const name = useParams().connection;
  const { pathname, search } = useLocation();
  const connection = name === undefined ? session.connection : session.config.connections.find((c) => c.name === name);
  const scoped = useMemo<Session | undefined>(
    () =>
      connection && name !== undefined && connection !== session.config.connections[0]
        ? {
            ...session,
            client: connectionClient(connection.name),
            connection,
            config: { ...session.config, upstream: connection.upstream, org: connection.org, mode: 'influx' },
            usesPastedToken: false,
          }
        : undefined,
    [connection, name, session],
  );
  // A fresh cache per connection visited (going back to one loads it anew, as a first visit does).
  const cache = useMemo(() => (scoped ? createAppQueryClient() : null), [scoped]);
  const production = useMemo(() => (connection?.production ? { name: connection.name } : null), [connection]);

  if (name !== undefined && connection === session.config.connections[0]) {
    return <Navigate to={pathname.slice(connectionPrefix(name).length) + search} replace />;
  }
  if (!connection) {
    return (
      <StatePanel
        title="No such connection"
        tone="error"
        role="alert"
        actions={<Link to="/tokens">Go to API Tokens</Link>}
      >
        <p>
          This console offers no connection named “{name}”. It offers:{' '}
          {session.config.connections.map((c) => c.name).join(', ')}.
        </p>
      </StatePanel>
    );
  }
  const content = <ProductionContext value={production}>{children}</ProductionContext>;
  if (!scoped || !cache) return <SessionContext value={session}>{content}</SessionContext>;
  if (connection.needsToken) {
    return (
      <StatePanel title={`Connection “${connection.name}” holds no token`} tone="error" role="alert">
        <p>
          Its config in the influx CLI's configs file has no token, and a pasted token is only used for the default
          connection. Add a token to that config and restart the console.
        </p>
      </StatePanel>
    );
  }
  return (
    <QueryClientProvider client={cache}>
      <SessionContext value={scoped}>{content}</SessionContext>
    </QueryClientProvider>
  );
}
