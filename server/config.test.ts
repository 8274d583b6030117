import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'token-manager-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const CONFIGS = `
[default]
  url = "http://localhost:8086"
  token = "local-token-value"
  org = "my-org"
  active = true

[cloud]
  url = "https://us-east-1-1.aws.cloud2.influxdata.com/"
  token = "cloud-token-value"
  org = "acme"
`;

describe('loadConfig', () => {
  it('defaults to the stand-in on 127.0.0.1:5173 with ./data and port 8086', () => {
    const config = loadConfig({}, dir);
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(5173);
    expect(config.upstream).toEqual({ mode: 'standin', dataDir: join(dir, 'data'), port: 8086 });
    expect(config.timeoutMs).toBe(30_000);
    expect(config.bodyLimitBytes).toBe(1024 * 1024);
    expect(config.staticDir).toMatch(/[/\\]dist$/);
    expect(loadConfig({ STATIC_DIR: 'build' }, dir).staticDir).toBe(join(dir, 'build'));
  });

  it('reads INFLUX_HOST, INFLUX_TOKEN and INFLUX_ORG', () => {
    const config = loadConfig(
      { INFLUX_HOST: 'https://cloud2.influxdata.com/', INFLUX_TOKEN: 't', INFLUX_ORG: 'acme', PORT: '0' },
      dir,
    );
    expect(config.upstream).toEqual({
      mode: 'influx',
      url: 'https://cloud2.influxdata.com',
      token: 't',
      org: 'acme',
      source: 'INFLUX_HOST',
    });
    expect(config.port).toBe(0);
  });

  it('reads host, token and org from the influx CLI configs file named by INFLUX_ACTIVE_CONFIG', () => {
    const path = join(dir, 'configs');
    writeFileSync(path, CONFIGS);
    const config = loadConfig({ INFLUX_ACTIVE_CONFIG: 'cloud', INFLUX_CONFIGS_PATH: path }, dir);
    expect(config.upstream).toEqual({
      mode: 'influx',
      url: 'https://us-east-1-1.aws.cloud2.influxdata.com',
      token: 'cloud-token-value',
      org: 'acme',
      source: 'influx CLI config "cloud"',
    });
  });

  it('lets explicit INFLUX_* variables override the configs file, like the influx CLI', () => {
    const path = join(dir, 'configs');
    writeFileSync(path, CONFIGS);
    const config = loadConfig(
      { INFLUX_ACTIVE_CONFIG: 'default', INFLUX_CONFIGS_PATH: path, INFLUX_ORG: 'other-org' },
      dir,
    );
    expect(config.upstream).toMatchObject({
      url: 'http://localhost:8086',
      token: 'local-token-value',
      org: 'other-org',
    });
  });

  it('names the missing config and the ones that exist', () => {
    const path = join(dir, 'configs');
    writeFileSync(path, CONFIGS);
    expect(() => loadConfig({ INFLUX_ACTIVE_CONFIG: 'prod', INFLUX_CONFIGS_PATH: path }, dir)).toThrow(
      /no config named "prod".*default, cloud/,
    );
  });

  it('says when the configs file is missing or not TOML', () => {
    expect(() => loadConfig({ INFLUX_ACTIVE_CONFIG: 'x', INFLUX_CONFIGS_PATH: join(dir, 'nope') }, dir)).toThrow(
      /does not exist/,
    );
    const path = join(dir, 'configs');
    writeFileSync(path, '[broken\nurl = ');
    expect(() => loadConfig({ INFLUX_ACTIVE_CONFIG: 'x', INFLUX_CONFIGS_PATH: path }, dir)).toThrow(/not valid TOML/);
  });

  it('refuses a non-loopback HOST while holding a token unless ALLOW_REMOTE=1', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' }, dir)).toThrow(ConfigError);
    expect(() => loadConfig({ HOST: '0.0.0.0' }, dir)).toThrow(/ALLOW_REMOTE=1/);
    expect(() =>
      loadConfig({ HOST: '0.0.0.0', INFLUX_HOST: 'http://influx:8086', INFLUX_TOKEN: 'secret' }, dir),
    ).toThrow(/Refusing to listen/);
    expect(loadConfig({ HOST: '0.0.0.0', ALLOW_REMOTE: '1' }, dir).allowRemote).toBe(true);
    // Without a server token every person brings their own, so remote listening is safe.
    expect(loadConfig({ HOST: '0.0.0.0', INFLUX_HOST: 'http://influx:8086' }, dir).host).toBe('0.0.0.0');
  });

  it('rejects malformed settings with the variable name', () => {
    expect(() => loadConfig({ PORT: 'abc' }, dir)).toThrow(/PORT="abc"/);
    expect(() => loadConfig({ STANDIN_PORT: '70000' }, dir)).toThrow(/STANDIN_PORT/);
    expect(() => loadConfig({ PROXY_TIMEOUT_MS: '-5' }, dir)).toThrow(/PROXY_TIMEOUT_MS/);
    expect(() => loadConfig({ INFLUX_HOST: 'localhost:8086' }, dir)).toThrow(/http:\/\/ or https:\/\//);
    expect(() => loadConfig({ INFLUX_HOST: 'http://user:pass@influx:8086' }, dir)).toThrow(/INFLUX_TOKEN/);
    expect(() => loadConfig({ ALLOW_REMOTE: 'maybe' }, dir)).toThrow(/ALLOW_REMOTE/);
    expect(() => loadConfig({ ALLOWED_HOSTS: 'http://x/' }, dir)).toThrow(/ALLOWED_HOSTS/);
  });

  it('never uses the config marked active: only the one INFLUX_ACTIVE_CONFIG names', () => {
    const home = join(dir, 'home');
    mkdirSync(join(home, '.influxdbv2'), { recursive: true });
    writeFileSync(join(home, '.influxdbv2', 'configs'), CONFIGS);
    expect(loadConfig({}, dir, home).upstream.mode).toBe('standin');
    const pathOnly = loadConfig({ INFLUX_CONFIGS_PATH: join(home, '.influxdbv2', 'configs') }, dir, home);
    expect(pathOnly.upstream.mode).toBe('standin');
    expect(pathOnly.warnings.join('\n')).toMatch(
      /INFLUX_CONFIGS_PATH is set but neither INFLUX_ACTIVE_CONFIG nor INFLUX_CONFIGS is/,
    );
    expect(loadConfig({ INFLUX_ACTIVE_CONFIG: 'default' }, dir, home).upstream).toMatchObject({
      url: 'http://localhost:8086',
      source: 'influx CLI config "default"',
    });
  });

  it('refuses connection values with surrounding spaces or line breaks rather than trimming them, never echoing a token', () => {
    expect(() => loadConfig({ INFLUX_HOST: ' http://influx:8086' }, dir)).toThrow(ConfigError);
    expect(() => loadConfig({ INFLUX_HOST: ' http://influx:8086' }, dir)).toThrow(
      /^INFLUX_HOST starts or ends with a space or line break/,
    );
    expect(() => loadConfig({ INFLUX_HOST: 'http://influx:8086', INFLUX_TOKEN: 'abc-secret\n' }, dir)).toThrow(
      /^INFLUX_TOKEN starts/,
    );
    expect(() => loadConfig({ INFLUX_HOST: 'http://influx:8086', INFLUX_TOKEN: 'abc-secret\n' }, dir)).not.toThrow(
      /abc-secret/,
    );
  });

  it('says that INFLUX_ORG_ID is not read by the server', () => {
    expect(loadConfig({ INFLUX_ORG_ID: 'abcdefabcdefabcd' }, dir).warnings.join('\n')).toMatch(
      /INFLUX_ORG_ID is not read by the app server.*INFLUX_ORG/,
    );
  });

  it('warns, by name only, about token settings the stand-in ignores', () => {
    const config = loadConfig({ INFLUX_TOKEN: 'do-not-print-me' }, dir);
    expect(config.warnings.join('\n')).toMatch(/INFLUX_TOKEN is set/);
    expect(config.warnings.join('\n')).not.toContain('do-not-print-me');
  });
});

describe('governance settings', () => {
  it('keep the console store in DATA_DIR unless CONSOLE_DB says where, with a year of activity', () => {
    expect(loadConfig({}, dir).governance).toEqual({
      dbPath: join(dir, 'data', 'console.sqlite'),
      maxLifetimeMs: null,
      retentionMs: 365 * 86_400_000,
    });
    const config = loadConfig(
      {
        DATA_DIR: 'state',
        CONSOLE_DB: 'gov/console.db',
        MAX_TOKEN_LIFETIME: '90d',
        AUDIT_RETENTION: '2w',
        AUDIT_CHECK_INTERVAL: '30m',
        AUDIT_BUCKET: 'audit',
        AUTH_PROXY_HEADER: 'X-WEBAUTH-USER',
        AUTH_PROXY_TRUSTED: '10.0.0.5, 10.0.0.6',
      },
      dir,
    );
    expect(config.governance).toEqual({
      dbPath: join(dir, 'gov/console.db'),
      auditBucket: 'audit',
      maxLifetimeMs: 90 * 86_400_000,
      retentionMs: 14 * 86_400_000,
      checkIntervalMs: 30 * 60_000,
      authProxy: { header: 'X-WEBAUTH-USER', trusted: ['10.0.0.5', '10.0.0.6'] },
    });
  });

  it('refuse a duration they cannot read, and an auth proxy header nobody is trusted to send', () => {
    expect(() => loadConfig({ MAX_TOKEN_LIFETIME: '3 months' }, dir)).toThrow(
      'MAX_TOKEN_LIFETIME="3 months" is not a duration: write a whole number and a unit, such as 90d, 12h or 2w',
    );
    expect(() => loadConfig({ AUTH_PROXY_HEADER: 'X-WEBAUTH-USER' }, dir)).toThrow(
      /AUTH_PROXY_HEADER is set but AUTH_PROXY_TRUSTED is not/,
    );
    expect(() => loadConfig({ AUTH_PROXY_HEADER: 'x user', AUTH_PROXY_TRUSTED: '10.0.0.5' }, dir)).toThrow(
      'AUTH_PROXY_HEADER="x user" is not a header name (letters, digits and dashes)',
    );
    expect(() => loadConfig({ AUTH_PROXY_TRUSTED: '10.0.0.5' }, dir)).toThrow(ConfigError);
  });
});

describe('several connections (INFLUX_CONFIGS)', () => {
  const MORE = `${CONFIGS}
[staging]
  url = "http://staging.lan:8086"
  org = "acme"

[no-url]
  token = "no-url-token-value"

["my prod"]
  url = "https://prod.example.com"
`;
  const env = (extra: Record<string, string>) => ({ INFLUX_CONFIGS_PATH: join(dir, 'configs'), ...extra });
  beforeEach(() => writeFileSync(join(dir, 'configs'), MORE));

  it('offers each named config as a connection, the first as the default, with the production marks', () => {
    const config = loadConfig(env({ INFLUX_CONFIGS: 'cloud, default,staging', INFLUX_PRODUCTION: 'cloud' }), dir);
    expect(config.connectionName).toBe('cloud');
    expect(config.production).toBe(true);
    expect(config.upstream).toEqual({
      mode: 'influx',
      url: 'https://us-east-1-1.aws.cloud2.influxdata.com',
      token: 'cloud-token-value',
      org: 'acme',
      source: 'influx CLI config "cloud"',
    });
    expect(config.moreConnections).toEqual([
      {
        name: 'default',
        production: false,
        upstream: {
          mode: 'influx',
          url: 'http://localhost:8086',
          token: 'local-token-value',
          org: 'my-org',
          source: 'influx CLI config "default"',
        },
      },
      {
        name: 'staging',
        production: false,
        upstream: {
          mode: 'influx',
          url: 'http://staging.lan:8086',
          org: 'acme',
          source: 'influx CLI config "staging"',
        },
      },
    ]);
    expect(config.warnings).toEqual([]);
  });

  it('names one connection by its config, or "default", and lets INFLUX_PRODUCTION mark it', () => {
    expect(loadConfig({}, dir).connectionName).toBe('default');
    expect(loadConfig({ INFLUX_PRODUCTION: 'default' }, dir)).toMatchObject({ production: true, moreConnections: [] });
    const named = loadConfig(env({ INFLUX_ACTIVE_CONFIG: 'cloud', INFLUX_PRODUCTION: 'cloud' }), dir);
    expect(named).toMatchObject({ connectionName: 'cloud', production: true, moreConnections: [] });
    // A config name that cannot be a URL segment still works alone, as before connections had names.
    expect(loadConfig(env({ INFLUX_ACTIVE_CONFIG: 'my prod' }), dir).connectionName).toBe('default');
  });

  it.each([
    [
      { INFLUX_CONFIGS: 'cloud,prod' },
      /^INFLUX_CONFIGS names "prod", which is not a config in .*configs \(configs there: default, cloud, staging, no-url, my prod\)$/,
    ],
    [{ INFLUX_CONFIGS: 'cloud,cloud' }, /^INFLUX_CONFIGS names "cloud" twice$/],
    [{ INFLUX_CONFIGS: 'cloud,,default' }, /^INFLUX_CONFIGS="cloud,,default" has an empty name/],
    [{ INFLUX_CONFIGS: 'cloud,no-url' }, /^INFLUX_CONFIGS names "no-url", but that config in .*configs has no "url"/],
    [{ INFLUX_CONFIGS: 'my prod' }, /^INFLUX_CONFIGS: "my prod" cannot name a connection.*letters, digits/],
    [{ INFLUX_CONFIGS: 'cloud', INFLUX_HOST: 'http://x:8086' }, /^INFLUX_CONFIGS and INFLUX_HOST are both set/],
    [{ INFLUX_CONFIGS: 'cloud', INFLUX_TOKEN: 'tok' }, /^INFLUX_CONFIGS and INFLUX_TOKEN are both set/],
    [{ INFLUX_CONFIGS: 'cloud', INFLUX_ORG: 'o' }, /^INFLUX_CONFIGS and INFLUX_ORG are both set/],
    [
      { INFLUX_CONFIGS: 'cloud', INFLUX_ACTIVE_CONFIG: 'cloud' },
      /^INFLUX_CONFIGS and INFLUX_ACTIVE_CONFIG are both set/,
    ],
    [
      { INFLUX_CONFIGS: 'cloud,staging', INFLUX_PRODUCTION: 'prod' },
      /^INFLUX_PRODUCTION names "prod", which is not a connection this console offers \(connections: cloud, staging\)$/,
    ],
    [{ INFLUX_PRODUCTION: 'prod' }, /^INFLUX_PRODUCTION names "prod".*\(connections: default\)$/],
  ])('refuses %o with a clear error, never showing a token', (extra, message) => {
    const read = () => loadConfig(env(extra), dir);
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(message);
    expect(read).not.toThrow(/token-value/);
  });

  it('says when the configs file it names configs of does not exist', () => {
    expect(() => loadConfig({ INFLUX_CONFIGS: 'dev', INFLUX_CONFIGS_PATH: join(dir, 'nope') }, dir)).toThrow(
      `INFLUX_CONFIGS names configs of ${join(dir, 'nope')}, which does not exist`,
    );
  });

  it('refuses a non-loopback HOST when any offered connection holds a token, unless ALLOW_REMOTE=1', () => {
    // staging holds no token, cloud does.
    expect(() => loadConfig(env({ INFLUX_CONFIGS: 'staging,cloud', HOST: '0.0.0.0' }), dir)).toThrow(
      /Refusing to listen on HOST=0.0.0.0: the server holds the token from influx CLI config "cloud"/,
    );
    expect(loadConfig(env({ INFLUX_CONFIGS: 'staging,cloud', HOST: '0.0.0.0', ALLOW_REMOTE: '1' }), dir).host).toBe(
      '0.0.0.0',
    );
    expect(loadConfig(env({ INFLUX_CONFIGS: 'staging', HOST: '0.0.0.0' }), dir).host).toBe('0.0.0.0');
  });
});
