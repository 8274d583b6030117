// `npm run standin`: the stand-in alone, for curl or the influx CLI.
// DATA_DIR (default ./data) and STANDIN_PORT (default 8086; 0 = a free port); listens on 127.0.0.1.
import { startStandin } from './start';

function portFromEnv(): number {
  const text = process.env.STANDIN_PORT ?? '8086';
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(
      `STANDIN_PORT must be a port number from 0 to 65535 (0 picks a free one), got ${JSON.stringify(text)}`,
    );
    process.exit(2);
  }
  return port;
}

async function main(): Promise<void> {
  const dataDir = process.env.DATA_DIR || './data';
  const standin = await startStandin({ dataDir, port: portFromEnv(), log: (line) => console.log(line) });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received, closing the stand-in`);
    standin.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('failed to close cleanly:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`stand-in failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
