// Governance on the app server: the store, the expiry scheduler (only with a server-held token: nothing else could
// switch a token off on time), the API routes and the proxy's change observer; all stopped when the server closes.
import type { FastifyInstance } from 'fastify';
import type { GovernanceConfig } from '../app/app-server';
import type { IdentifyToken } from '../app/own-token';
import { Governance } from './governance';
import { changeObserver, registerGovernanceRoutes, type ChangeObserver } from './routes';
import { BucketCopy } from './bucket-copy';
import { OutsideChecker } from './outside-check';
import { RecentChanges } from './recent-changes';
import { ExpiryScheduler } from './scheduler';
import { GovernanceStore } from './store';
import { tokenFacts, upstreamCaller, upstreamRefusal } from './upstream';
import { whoResolver } from './who';

export interface StartGovernanceOptions {
  config: GovernanceConfig | undefined;
  /** Which InfluxDB the store's rows belong to. */
  instance: string;
  upstreamUrl: string;
  timeoutMs: number;
  serverToken: () => string | undefined;
  identifyToken: IdentifyToken;
  log: (line: string) => void;
}

const DAY_MS = 86_400_000;
export const NO_SERVER_TOKEN =
  'this console holds no token of its own (people paste theirs), so nothing could switch a token off at its expiry ' +
  'while nobody has the page open. Set INFLUX_TOKEN to a token that may write authorizations to use expiry.';

export function startGovernance(
  app: FastifyInstance,
  options: StartGovernanceOptions,
): { changes: ChangeObserver | undefined } {
  const config = options.config ?? { dbPath: ':memory:', maxLifetimeMs: null, retentionMs: 365 * DAY_MS };
  const store = new GovernanceStore(config.dbPath, options.instance);
  const call = upstreamCaller(options.upstreamUrl, options.timeoutMs);
  const holdsToken = options.serverToken() !== undefined;
  const recent = new RecentChanges(options.timeoutMs);
  const scheduler = holdsToken
    ? new ExpiryScheduler({
        store,
        log: options.log,
        async deactivate(tokenID) {
          recent.token(tokenID);
          const answer = await call(
            'PATCH',
            `/api/v2/authorizations/${encodeURIComponent(tokenID)}`,
            options.serverToken(),
            {
              status: 'inactive',
            },
          );
          if (answer.status === 200) return 'done';
          if (answer.status === 404) return 'gone';
          throw upstreamRefusal(answer, 'the deactivation');
        },
        async deleteIfInactive(tokenID) {
          const path = `/api/v2/authorizations/${encodeURIComponent(tokenID)}`;
          const found = await call('GET', path, options.serverToken());
          if (found.status === 404) return 'gone';
          if (found.status !== 200) throw upstreamRefusal(found, 'the look-up before the deletion');
          if (tokenFacts(found.body)?.status !== 'inactive') return 'active';
          recent.token(tokenID);
          const answer = await call('DELETE', path, options.serverToken());
          if (answer.status === 204) return 'done';
          if (answer.status === 404) return 'gone';
          throw upstreamRefusal(answer, 'the deletion');
        },
      })
    : undefined;
  const governance = new Governance({
    store,
    scheduler,
    maxLifetimeMs: config.maxLifetimeMs,
    retentionMs: config.retentionMs,
    unavailableReason: holdsToken ? undefined : NO_SERVER_TOKEN,
  });
  // Without a store of its own (an embedded server in a test) it learns nothing between runs: no outside check.
  const checker =
    holdsToken && options.config
      ? new OutsideChecker({
          store,
          upstreamUrl: options.upstreamUrl,
          serverToken: options.serverToken,
          timeoutMs: options.timeoutMs,
          recent,
          intervalMs: config.checkIntervalMs ?? 5 * 60_000,
          log: options.log,
        })
      : undefined;
  const copy =
    holdsToken && config.auditBucket
      ? new BucketCopy({
          store,
          upstreamUrl: options.upstreamUrl,
          serverToken: options.serverToken,
          bucket: config.auditBucket,
          timeoutMs: options.timeoutMs,
          log: options.log,
        })
      : undefined;
  const routeOptions = {
    governance,
    call,
    listed: () => checker?.soon(),
    recorded: () => copy?.poke(),
    recent,
    serverToken: options.serverToken,
    who: whoResolver({
      serverToken: options.serverToken,
      identify: options.identifyToken,
      authProxy: config.authProxy,
    }),
  };
  registerGovernanceRoutes(app, routeOptions);

  governance.prune();
  const pruning = setInterval(() => governance.prune(), DAY_MS).unref();
  app.addHook('onReady', async () => {
    scheduler?.start();
    checker?.start();
    copy?.start();
  });
  app.addHook('onClose', async () => {
    clearInterval(pruning);
    await scheduler?.stop();
    await checker?.stop();
    await copy?.stop();
    store.close();
  });
  return { changes: config.recordChanges === false ? undefined : changeObserver(routeOptions) };
}
