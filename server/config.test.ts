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
    expect(pathOnly.warnings.join('\n')).toMatch(/INFLUX_CONFIGS_PATH is set but INFLUX_ACTIVE_CONFIG is not/);
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
