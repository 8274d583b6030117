// /find?q=: the header's "Find token by ID or description" across every org of every connection, answering where each
// match lives (connection, org, owner, status) with a link to its drawer: the first step when a token is reported
// leaked. A whole ID is looked up directly; words are matched against every token the console's credential can list
// (GET /api/v2/authorizations without an org: all orgs for an operator token), once per search.
import { useQueries } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { InfluxApiError } from '../../../core/influx-client';
import type { Authorization } from '../../../core/influx-types';
import { FailedPanel, StatePanel } from '../../components/ui/state-panel';
import { useConnections, type PageConnection } from '../../lib/connections';
import { tokenLabel } from '../../lib/token-label';
import { findMatches, findTokenID } from './find-match';
import '../../components/ui/controls.css';
import './find-page.css';

/** Beyond this many matches on one connection, the rest are counted, not listed: more words narrow them. */
const SHOWN = 200;

async function findOn(connection: PageConnection, text: string, signal: AbortSignal): Promise<Authorization[]> {
  const id = findTokenID(text);
  if (id) {
    try {
      return [await connection.client.getAuthorization(id, signal)];
    } catch (error) {
      if (error instanceof InfluxApiError && error.status === 404) return [];
      throw error;
    }
  }
  return findMatches(await connection.client.listAuthorizations({}, signal), text);
}

export function FindPage() {
  const [search] = useSearchParams();
  const text = (search.get('q') ?? '').trim();
  const connections = useConnections();
  const results = useQueries({
    queries: connections.map((connection) => ({
      queryKey: ['find', connection.name, text],
      queryFn: ({ signal }: { signal: AbortSignal }) => findOn(connection, text, signal),
      enabled: text !== '',
      staleTime: 0,
    })),
  });

  return (
    <section className="find-page" aria-labelledby="find-title">
      <h1 id="find-title">Find a token</h1>
      {text === '' ? (
        <p className="find-page__intro">
          Type a token’s ID or words of its description in “Find token by ID or description” above: every org of every
          connection is searched.
        </p>
      ) : (
        connections.map((connection, index) => {
          const result = results[index]!;
          return (
            <ConnectionMatches
              key={connection.name}
              connection={connection}
              showName={connections.length > 1}
              text={text}
              matches={result.data}
              error={result.error}
              onRetry={() => void result.refetch()}
            />
          );
        })
      )}
    </section>
  );
}

interface ConnectionMatchesProps {
  connection: PageConnection;
  showName: boolean;
  text: string;
  matches: Authorization[] | undefined;
  error: Error | null;
  onRetry: () => void;
}

function ConnectionMatches({ connection, showName, text, matches, error, onRetry }: ConnectionMatchesProps) {
  const where = showName ? ` on ${connection.name}` : '';
  if (error)
    return <FailedPanel title={`Could not search${where || ' InfluxDB'}`} message={error.message} onRetry={onRetry} />;
  if (!matches) return <StatePanel title={`Searching${where}…`} role="status" />;
  const caption =
    matches.length === 0
      ? `No token matches “${text}”${where}.`
      : `${matches.length === 1 ? '1 token matches' : `${matches.length} tokens match`} “${text}”${where}` +
        (matches.length > SHOWN ? `; the first ${SHOWN} are shown: add words to narrow them.` : '.');
  return (
    <div className="find-page__connection">
      <p role="status" className="find-page__count">
        {caption}
      </p>
      {matches.length > 0 && (
        <table className="find-table">
          <caption className="visually-hidden">
            Tokens matching “{text}”{where}
          </caption>
          <thead>
            <tr>
              <th scope="col">Description</th>
              <th scope="col">Connection</th>
              <th scope="col">Org</th>
              <th scope="col">Owner</th>
              <th scope="col">Status</th>
              <th scope="col">ID</th>
            </tr>
          </thead>
          <tbody>
            {matches.slice(0, SHOWN).map((token) => (
              <tr key={token.id}>
                <td>
                  <Link
                    to={`${connection.prefix}/orgs/${encodeURIComponent(token.orgID)}/tokens/${encodeURIComponent(token.id)}`}
                  >
                    {tokenLabel(token.description)}
                  </Link>
                </td>
                <td title={connection.upstream}>{connection.name}</td>
                <td>{token.org ?? token.orgID}</td>
                <td>{token.user ?? token.userID}</td>
                <td>{token.status === 'active' ? 'Active' : 'Inactive'}</td>
                <td>
                  <code>{token.id}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
