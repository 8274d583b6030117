// What every signed-in screen needs: the typed client, the server's config, and sign-out.
import { createContext, useContext } from 'react';
import type { InfluxClient } from '../../../core/influx-client';
import type { AppConfig } from './app-config';

export interface Session {
  config: AppConfig;
  client: InfluxClient;
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
