// The header's connection: which InfluxDB the page works on, by name and host, with the production mark when it is
// marked so. With several connections it is a menu that opens another's tokens (its default org) at /c/<name>/tokens.
import { useNavigate } from 'react-router';
import { Menu } from '../components/ui/menu';
import { ProductionMark } from '../components/ui/production-mark';
import { useConnections } from '../lib/connections';
import { useSession } from '../lib/session/session-context';

export function ConnectionSwitcher() {
  const { connection, config } = useSession();
  const connections = useConnections();
  const navigate = useNavigate();
  const host = config.mode === 'standin' ? 'Local stand-in' : connection.upstream;
  const mark = connection.production && <ProductionMark name={connection.name} />;
  if (connections.length < 2) {
    return (
      <span className="app-header__upstream" title={connection.upstream}>
        {host}
        {mark}
      </span>
    );
  }
  return (
    <span className="app-header__upstream app-header__connection">
      <Menu
        label="Connections"
        items={connections.map((each) => ({
          label: each.name,
          hint: each.production ? `${each.upstream} · production` : each.upstream,
          current: each.name === connection.name,
          onSelect: () => each.name !== connection.name && navigate(`${each.prefix}/tokens`),
        }))}
        trigger={
          <button
            type="button"
            className="btn btn--small app-header__org"
            aria-label={`Connection: ${connection.name} (${connection.upstream}${connection.production ? ', production' : ''}). Switch connection`}
          >
            <span className="app-header__org-label" aria-hidden="true">
              Connection
            </span>
            {connection.name} · {host}
          </button>
        }
      />
      {mark}
    </span>
  );
}
