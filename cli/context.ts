// Per-run state shared by the commands: the IO, the resolved connection and the typed API client.
import { createInfluxClient, type InfluxClient } from '../core/influx-client';
import { requireToken, resolveConnection, type Connection, type ConnectionFlags } from './connection';
import { httpFetch } from './http-fetch';
import type { CliIo } from './io';

export interface CommandContext {
  io: CliIo;
  connection: Connection;
  client: InfluxClient;
}

export interface RunState {
  io: CliIo;
  /** Set once a command has resolved where it connects, so errors can name the host and token source. */
  connection?: Connection;
  /** A command that finished but partly failed (e.g. a bulk change) sets a non-zero code here. */
  exitCode: number;
}

export function connect(state: RunState, flags: ConnectionFlags): CommandContext {
  const connection = resolveConnection(flags, state.io);
  state.connection = connection;
  const client = createInfluxClient({
    baseUrl: connection.host,
    token: requireToken(connection),
    fetch: state.io.fetch ?? httpFetch,
  });
  return { io: state.io, connection, client };
}
