import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveConnection } from './connection';
import type { CliError } from './errors';

let dir: string;
let configsPath: string;

const CONFIGS = `
[local]
  url = "http://config-local:8086"
  token = "config-local-token"
  org = "config-org"
  active = true

[cloud]
  url = "https://cloud.example"
  token = "config-cloud-token"
  org = "cloud-org"
`;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'influx-tokens-conn-'));
  configsPath = join(dir, 'configs');
  writeFileSync(configsPath, CONFIGS);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const io = (env: Record<string, string> = {}) => ({ env, cwd: dir, homedir: join(dir, 'home') });

describe('resolveConnection', () => {
  it('takes flags over environment over the active config', () => {
    const env = { INFLUX_HOST: 'http://env-host:8086', INFLUX_TOKEN: 'env-token', INFLUX_CONFIGS_PATH: configsPath };
    const flagged = resolveConnection({ host: 'http://flag-host:1', token: 'flag-token' }, io(env));
    expect(flagged).toMatchObject({
      host: 'http://flag-host:1',
      hostSource: '--host',
      token: 'flag-token',
      tokenSource: '--token',
    });
    expect(resolveConnection({}, io(env))).toMatchObject({
      host: 'http://env-host:8086',
      token: 'env-token',
      tokenSource: 'INFLUX_TOKEN',
    });
    const fromConfig = resolveConnection({}, io({ INFLUX_CONFIGS_PATH: configsPath }));
    expect(fromConfig).toMatchObject({
      host: 'http://config-local:8086',
      token: 'config-local-token',
      defaultOrg: { org: 'config-org' },
    });
    expect(fromConfig.tokenSource).toContain('config "local"');
  });

  it('resolves each field on its own, as influx does: a --host flag still uses the config token', () => {
    expect(resolveConnection({ host: 'http://flag-host:1', configsPath }, io())).toMatchObject({
      host: 'http://flag-host:1',
      token: 'config-local-token',
    });
  });

  it('picks the config named by --active-config, then INFLUX_ACTIVE_CONFIG, else the one marked active', () => {
    expect(resolveConnection({ configsPath, activeConfig: 'cloud' }, io({ INFLUX_ACTIVE_CONFIG: 'local' })).host).toBe(
      'https://cloud.example',
    );
    expect(resolveConnection({ configsPath }, io({ INFLUX_ACTIVE_CONFIG: 'cloud' })).token).toBe('config-cloud-token');
    expect(() => resolveConnection({ configsPath, activeConfig: 'nope' }, io())).toThrow(
      /no config named "nope".*local, cloud/,
    );
  });

  it('takes the default org from INFLUX_ORG_ID, then INFLUX_ORG, then the config', () => {
    expect(resolveConnection({ configsPath }, io({ INFLUX_ORG: 'env-org' })).defaultOrg).toMatchObject({
      org: 'env-org',
    });
    expect(
      resolveConnection({ configsPath }, io({ INFLUX_ORG: 'env-org', INFLUX_ORG_ID: 'abcdefabcdefabcd' })).defaultOrg,
    ).toMatchObject({
      orgID: 'abcdefabcdefabcd',
    });
  });

  it('falls back to the stand-in and its operator-token file in DATA_DIR', () => {
    const dataDir = join(dir, 'data-here');
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, 'operator-token'), 'standin-operator\n');
    const conn = resolveConnection({}, io({ DATA_DIR: dataDir, STANDIN_PORT: '18086' }));
    expect(conn).toMatchObject({
      host: 'http://127.0.0.1:18086',
      token: 'standin-operator',
      tokenSource: join(dataDir, 'operator-token'),
    });
    // The default DATA_DIR is ./data under the working directory.
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'operator-token'), 'default-dir-token');
    expect(resolveConnection({}, io())).toMatchObject({ host: 'http://127.0.0.1:8086', token: 'default-dir-token' });
  });

  it('never sends the stand-in operator token to a host named elsewhere', () => {
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'operator-token'), 'standin-operator');
    expect(resolveConnection({ host: 'http://elsewhere:8086' }, io()).token).toBeUndefined();
  });

  it('explains a missing or broken configs file without echoing its content', () => {
    expect(() => resolveConnection({ configsPath: join(dir, 'missing') }, io())).toThrow(/does not exist/);
    writeFileSync(configsPath, '[broken]\n  token = "leaky-secret\n');
    let message = '';
    try {
      resolveConnection({ configsPath }, io());
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/not valid TOML at line 2/);
    expect(message).not.toContain('leaky-secret');
  });

  it('refuses a host that is not an http(s) URL', () => {
    expect(() => resolveConnection({ host: 'localhost:8086', token: 'x' }, io())).toThrow(
      /invalid host "localhost:8086" from --host/,
    );
    expect(() => resolveConnection({ host: 'ftp://x', token: 'x' }, io())).toThrow(/http:\/\/ or https:\/\//);
  });

  it('exits 2 for a wrong value and 1 for a missing or broken configs file, sending nothing', () => {
    const exitCode = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return (error as CliError).exitCode;
      }
      return undefined;
    };
    expect(exitCode(() => resolveConnection({ host: 'http://u:p@x:8086' }, io()))).toBe(2);
    expect(exitCode(() => resolveConnection({}, io({ INFLUX_TOKEN: 'tok\n' })))).toBe(2);
    expect(exitCode(() => resolveConnection({}, io({ STANDIN_PORT: 'eighty' })))).toBe(2);
    expect(exitCode(() => resolveConnection({ configsPath: join(dir, 'missing') }, io()))).toBe(1);
    expect(exitCode(() => resolveConnection({ configsPath, activeConfig: 'nope' }, io()))).toBe(1);
  });
});
