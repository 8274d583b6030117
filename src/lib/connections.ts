// The InfluxDB connections this console offers, as the page uses them. The default one's pages live at /…, its API at
// /api/…; another's at /c/<name>/… and /c/<name>/api/… (the app server forwards only to the connections it lists).
import { useMemo } from 'react';
import { useParams } from 'react-router';
import { createInfluxClient, type InfluxClient } from '../../core/influx-client';
import type { ConnectionInfo } from './session/app-config';
import { useSession } from './session/session-context';

export interface PageConnection extends ConnectionInfo {
  /** What its page paths start with: "" for the default connection, "/c/<name>" for the others. */
  prefix: string;
  client: InfluxClient;
}

/** The path prefix of a connection's pages. */
export function connectionPrefix(name: string | undefined): string {
  return name === undefined ? '' : `/c/${encodeURIComponent(name)}`;
}

/** A client for a connection other than the default (whose client is the session's, with any pasted token). */
export function connectionClient(name: string): InfluxClient {
  return createInfluxClient({ baseUrl: connectionPrefix(name) });
}

/** The prefix of the connection the page is in ("" for the default). */
export function useConnectionPrefix(): string {
  return connectionPrefix(useParams().connection);
}

/** Every connection the server offers, the default one first, each with its client. */
export function useConnections(): PageConnection[] {
  const { config, defaultClient } = useSession();
  return useMemo(
    () =>
      config.connections.map((connection, index) =>
        index === 0
          ? { ...connection, prefix: '', client: defaultClient }
          : { ...connection, prefix: connectionPrefix(connection.name), client: connectionClient(connection.name) },
      ),
    [config.connections, defaultClient],
  );
}
