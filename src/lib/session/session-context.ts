// What every signed-in screen needs: the typed client, the server's config, and sign-out.
import { createContext, useContext } from 'react';
import type { InfluxClient } from '../../../core/influx-client';
import type { AppConfig, ConnectionInfo } from './app-config';

export interface Session {
  config: AppConfig;
  /** Talks to the connection the page is in. */
  client: InfluxClient;
  /** Talks to the default connection (with the pasted token, if any): Find searches every connection. */
  defaultClient: InfluxClient;
  /** The connection the page is in (config.connections[0] by default). */
  connection: ConnectionInfo;
  /** True when the person pasted a token (then "Sign out" is offered). */
  usesPastedToken: boolean;
  signOut: (message?: string) => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a <SessionGate> above it');
  return session;
}
