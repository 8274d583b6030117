import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  normalizeHost,
  resolveCliConnection,
  resolveServerConnection,
  setting,
  standinSettings,
  type CliConnectionFlags,
  type ConnectionSettings,
} from './connection';
import { SettingsError } from './settings-error';

let dir: string;
let home: string;
let configs: string;

// `local` is marked active; `cloud` is not. The same file sits at the default path under `home`.
const CONFIGS = `
[local]
  url = "http://config-local:8086/"
  token = "config-local-token"
  org = "config-org"
  active = true

[cloud]
  url = "https://cloud.example/prefix"
  token = "config-cloud-token"
  org = "cloud-org"

[nourl]
  token = "nourl-token"

[badurl]
  url = 8086

[creds]
  url = "http://admin:hunter2@influx:8086"

[spacey]
  url = "http://spacey:8086"
  token = "spacey-token "
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'token-manager-connection-'));
  home = join(dir, 'home');
  mkdirSync(join(home, '.influxdbv2'), { recursive: true });
  configs = join(home, '.influxdbv2', 'configs');
  writeFileSync(configs, CONFIGS);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Side = 'cli' | 'server';
type Env = Record<string, string | undefined>;

function resolveFor(side: Side, env: Env, flags: CliConnectionFlags = {}, homedir = home): ConnectionSettings {
  return side === 'cli' ? resolveCliConnection(flags, env, homedir) : resolveServerConnection(env, homedir);
}

/** Just the values, for compact expectations. */
function values(settings: ConnectionSettings) {
  return {
    host: settings.host?.value,
    token: settings.token?.value,
    org: settings.org?.value,
    ...(settings.orgID && { orgID: settings.orgID.value }),
  };
}

const NOTHING = { host: undefined, token: undefined, org: undefined };
const LOCAL = { host: 'http://config-local:8086', token: 'config-local-token', org: 'config-org' };
const CLOUD = { host: 'https://cloud.example/prefix', token: 'config-cloud-token', org: 'cloud-org' };

describe('which values the CLI and the server resolve', () => {
  const cases: {
    name: string;
    side: Side;
    env: Env;
    flags?: CliConnectionFlags;
    expected: ReturnType<typeof values>;
    sources?: string[];
  }[] = [
    {
      name: 'CLI: the config marked active, as influx does',
      side: 'cli',
      env: {},
      expected: LOCAL,
      sources: Array(3).fill('influx CLI config "local"'),
    },
    { name: 'server: never the config marked active', side: 'server', env: {}, expected: NOTHING },
    {
      name: 'server: not even when INFLUX_CONFIGS_PATH names the file',
      side: 'server',
      env: { INFLUX_CONFIGS_PATH: '<configs>' },
      expected: NOTHING,
    },
    ...(['cli', 'server'] as const).map((side) => ({
      name: `${side}: INFLUX_ACTIVE_CONFIG picks that config`,
      side,
      env: { INFLUX_ACTIVE_CONFIG: 'cloud' },
      expected: CLOUD,
    })),
    {
      name: 'CLI: --active-config beats INFLUX_ACTIVE_CONFIG',
      side: 'cli',
      env: { INFLUX_ACTIVE_CONFIG: 'local' },
      flags: { activeConfig: 'cloud' },
      expected: CLOUD,
    },
    {
      name: 'CLI: flags beat environment, environment beats the config, field by field',
      side: 'cli',
      env: { INFLUX_HOST: 'http://env-host:8086', INFLUX_TOKEN: 'env-token' },
      flags: { token: 'flag-token' },
      expected: { host: 'http://env-host:8086', token: 'flag-token', org: 'config-org' },
      sources: ['INFLUX_HOST', '--token', 'influx CLI config "local"'],
    },
    {
      name: 'server: environment beats the named config, field by field',
      side: 'server',
      env: { INFLUX_ACTIVE_CONFIG: 'cloud', INFLUX_ORG: 'env-org' },
      expected: { ...CLOUD, org: 'env-org' },
      sources: ['influx CLI config "cloud"', 'influx CLI config "cloud"', 'INFLUX_ORG'],
    },
    {
      name: 'CLI: INFLUX_ORG_ID is read beside INFLUX_ORG',
      side: 'cli',
      env: { INFLUX_ORG_ID: 'abcdefabcdefabcd' },
      expected: { ...LOCAL, orgID: 'abcdefabcdefabcd' },
    },
    {
      name: 'server: INFLUX_ORG_ID is not read',
      side: 'server',
      env: { INFLUX_ORG_ID: 'abcdefabcdefabcd' },
      expected: NOTHING,
    },
    {
      name: 'empty values are unset (both)',
      side: 'server',
      env: { INFLUX_HOST: '', INFLUX_TOKEN: '', INFLUX_ACTIVE_CONFIG: '' },
      expected: NOTHING,
    },
    {
      name: 'empty values are unset (CLI)',
      side: 'cli',
      env: { INFLUX_HOST: '', INFLUX_TOKEN: '' },
      flags: { host: '' },
      expected: LOCAL,
    },
    {
      name: 'hosts lose trailing slashes and keep a path prefix',
      side: 'server',
      env: { INFLUX_HOST: 'HTTPS://Influx.Example:8443/api-prefix//' },
      expected: { host: 'https://influx.example:8443/api-prefix', token: undefined, org: undefined },
    },
  ];

  it.each(cases)('$name', ({ side, env, flags, expected, sources }) => {
    const resolved = resolveFor(
      side,
      Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v?.replace('<configs>', configs)])),
      flags,
    );
    expect(values(resolved)).toEqual(expected);
    if (sources) expect([resolved.host?.source, resolved.token?.source, resolved.org?.source]).toEqual(sources);
  });
});

describe('settings that are refused, with what to do', () => {
  const cases: {
    name: string;
    sides: Side[];
    env?: Env;
    flags?: CliConnectionFlags;
    homedir?: string;
    error: RegExp;
    kind: SettingsError['kind'];
    secret?: string;
  }[] = [
    {
      name: 'a host that is not an http(s) URL',
      sides: ['cli', 'server'],
      env: { INFLUX_HOST: 'localhost:8086' },
      error: /invalid host "localhost:8086" from INFLUX_HOST: it must be an http:\/\/ or https:\/\/ URL/,
      kind: 'value',
    },
    {
      name: 'an ftp URL from a flag',
      sides: ['cli'],
      flags: { host: 'ftp://x' },
      error: /invalid host "ftp:\/\/x" from --host: it must be an http:\/\/ or https:\/\//,
      kind: 'value',
    },
    {
      name: 'credentials in the host URL (not echoed)',
      sides: ['cli', 'server'],
      env: { INFLUX_HOST: 'http://user:s3cret@influx:8086' },
      error: /from INFLUX_HOST: the URL must not contain a user name or password; .*INFLUX_TOKEN/,
      kind: 'value',
      secret: 's3cret',
    },
    {
      name: 'credentials in a config URL (not echoed)',
      sides: ['cli', 'server'],
      env: { INFLUX_ACTIVE_CONFIG: 'creds' },
      error: /from influx CLI config "creds": the URL must not contain a user name or password/,
      kind: 'value',
      secret: 'hunter2',
    },
    {
      name: 'a query in the host URL',
      sides: ['cli', 'server'],
      env: { INFLUX_HOST: 'http://influx:8086/?org=x' },
      error: /must not have a query or fragment/,
      kind: 'value',
    },
    {
      name: 'a token with a trailing line break (not echoed)',
      sides: ['cli', 'server'],
      env: { INFLUX_HOST: 'http://influx:8086', INFLUX_TOKEN: 'tok-secret\n' },
      error: /^INFLUX_TOKEN starts or ends with a space or line break; remove it/,
      kind: 'value',
      secret: 'tok-secret',
    },
    {
      name: 'a host of spaces',
      sides: ['cli', 'server'],
      env: { INFLUX_HOST: '  ' },
      error: /^INFLUX_HOST starts or ends with a space/,
      kind: 'value',
    },
    {
      name: 'a flag with a leading space',
      sides: ['cli'],
      flags: { token: ' x' },
      error: /^--token starts or ends with a space/,
      kind: 'value',
    },
    {
      name: 'a config token with a trailing space (not echoed)',
      sides: ['cli', 'server'],
      env: { INFLUX_ACTIVE_CONFIG: 'spacey' },
      error: /influx CLI config "spacey" \(its "token", in .*\) starts or ends with a space/,
      kind: 'value',
      secret: 'spacey-token',
    },
    {
      name: 'a config without a URL, even with the host given',
      sides: ['cli', 'server'],
      env: { INFLUX_ACTIVE_CONFIG: 'nourl', INFLUX_HOST: 'http://influx:8086' },
      error: /influx CLI config "nourl" in .* has no "url"/,
      kind: 'configs-file',
    },
    {
      name: 'a config URL that is not a string',
      sides: ['cli', 'server'],
      env: { INFLUX_ACTIVE_CONFIG: 'badurl' },
      error: /influx CLI config "badurl" in .*: "url" must be a string/,
      kind: 'configs-file',
    },
    {
      name: 'a config name that is not in the file',
      sides: ['cli', 'server'],
      env: { INFLUX_ACTIVE_CONFIG: 'prod' },
      error:
        /no config named "prod" in .* \(from INFLUX_ACTIVE_CONFIG; configs there: local, cloud, nourl, badurl, creds, spacey\)/,
      kind: 'configs-file',
    },
    {
      name: 'a named config with no configs file',
      sides: ['cli', 'server'],
      env: { INFLUX_ACTIVE_CONFIG: 'local' },
      homedir: '/nonexistent-home',
      error:
        /the influx configs file \/nonexistent-home\/\.influxdbv2\/configs does not exist \(INFLUX_ACTIVE_CONFIG names config "local" in it\)/,
      kind: 'configs-file',
    },
    {
      name: 'a configs path that does not exist',
      sides: ['cli'],
      env: { INFLUX_CONFIGS_PATH: '/nonexistent/configs' },
      error: /the influx configs file \/nonexistent\/configs does not exist \(INFLUX_CONFIGS_PATH points at it\)/,
      kind: 'configs-file',
    },
    {
      name: 'a --configs-path that does not exist',
      sides: ['cli'],
      flags: { configsPath: '/nonexistent/configs' },
      error: /does not exist \(--configs-path points at it\)/,
      kind: 'configs-file',
    },
  ];

  for (const { name, sides, env = {}, flags, homedir, error, kind, secret } of cases) {
    for (const side of sides) {
      it(`${side}: ${name}`, () => {
        let thrown: unknown;
        try {
          resolveFor(side, env, flags, homedir);
        } catch (caught) {
          thrown = caught;
        }
        expect(thrown).toBeInstanceOf(SettingsError);
        expect((thrown as SettingsError).message).toMatch(error);
        expect((thrown as SettingsError).kind).toBe(kind);
        if (secret) expect((thrown as SettingsError).message).not.toContain(secret);
      });
    }
  }

  it('CLI: no configs file at the default path is fine: nothing is read', () => {
    expect(values(resolveCliConnection({}, {}, join(dir, 'no-home')))).toEqual(NOTHING);
  });
});

describe('standinSettings', () => {
  it('reads DATA_DIR against the working directory and STANDIN_PORT strictly', () => {
    expect(standinSettings({}, '/work')).toEqual({ dataDir: '/work/data', port: 8086 });
    expect(standinSettings({ DATA_DIR: 'db', STANDIN_PORT: '0' }, '/work')).toEqual({ dataDir: '/work/db', port: 0 });
    expect(() => standinSettings({ STANDIN_PORT: '8o86' }, '/work')).toThrow(
      /STANDIN_PORT="8o86" is not a port number/,
    );
    expect(() => standinSettings({ DATA_DIR: 'db ' }, '/work')).toThrow(/DATA_DIR starts or ends with a space/);
  });
});

describe('properties', () => {
  const value = fc.constantFrom(undefined, '', 'a', 'b');
  const env = fc.record({
    INFLUX_HOST: value,
    INFLUX_TOKEN: value,
    INFLUX_ORG: value,
    INFLUX_ACTIVE_CONFIG: fc.constantFrom(undefined, '', 'local', 'cloud'),
  });
  const flags = fc.record({
    host: value,
    token: value,
    activeConfig: fc.constantFrom(undefined, '', 'local', 'cloud'),
  });
  const hostOf = (v: string | undefined) => (v ? `http://${v}-host:8086` : v);
  const tokenOf = (v: string | undefined) => (v ? `${v}-token` : v);
  const CONFIG_VALUES = { local: LOCAL, cloud: CLOUD } as const;

  // A plain model of both orders: the first set value wins, field by field; the server has no flags and no implicit config.
  function model(side: Side, e: Record<string, string | undefined>, f: CliConnectionFlags) {
    const first = (...candidates: (string | undefined)[]) => candidates.find((c) => c !== undefined && c !== '');
    const name =
      side === 'cli' ? (first(f.activeConfig, e.INFLUX_ACTIVE_CONFIG) ?? 'local') : first(e.INFLUX_ACTIVE_CONFIG);
    const config = name ? CONFIG_VALUES[name as keyof typeof CONFIG_VALUES] : undefined;
    const flag = <T>(v: T) => (side === 'cli' ? v : undefined);
    return {
      host: first(flag(f.host), e.INFLUX_HOST, config?.host),
      token: first(flag(f.token), e.INFLUX_TOKEN, config?.token),
      org: first(e.INFLUX_ORG, config?.org),
    };
  }

  it('each field comes from the first place that sets it, in each side order (model)', () => {
    fc.assert(
      fc.property(fc.constantFrom<Side>('cli', 'server'), env, flags, (side, e, f) => {
        const realEnv = { ...e, INFLUX_HOST: hostOf(e.INFLUX_HOST), INFLUX_TOKEN: tokenOf(e.INFLUX_TOKEN) };
        const realFlags = { ...f, host: hostOf(f.host), token: tokenOf(f.token) };
        const resolved = resolveFor(side, realEnv, realFlags);
        expect(values(resolved)).toEqual(model(side, realEnv, realFlags));
        // The server never takes a value from a config nobody named.
        if (side === 'server' && !e.INFLUX_ACTIVE_CONFIG) expect(resolved.config).toBeUndefined();
      }),
    );
  });

  it('setting: unset, refused, or kept exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii' }), fc.boolean(), (raw, pad) => {
        const text = pad ? ` ${raw}` : raw;
        let result: ReturnType<typeof setting>;
        try {
          result = setting(text, 'X');
        } catch (error) {
          expect(error).toBeInstanceOf(SettingsError);
          expect(text.trim()).not.toBe(text);
          return;
        }
        if (text === '') expect(result).toBeUndefined();
        else expect(result).toEqual({ value: text, source: 'X' });
      }),
    );
  });

  it('normalizeHost: refuses with a SettingsError or gives a clean, stable base URL', () => {
    const candidates = fc.oneof(
      fc.webUrl({
        withQueryParameters: true,
        withFragments: true,
        authoritySettings: { withUserInfo: true, withPort: true },
      }),
      fc.string(),
      fc.webUrl().map((url) => `${url}///`),
    );
    fc.assert(
      fc.property(candidates, (raw) => {
        let base: string;
        try {
          base = normalizeHost(raw, 'X', 'hint');
        } catch (error) {
          expect(error).toBeInstanceOf(SettingsError);
          return;
        }
        const url = new URL(base);
        expect(['http:', 'https:']).toContain(url.protocol);
        expect(url.username + url.password + url.search + url.hash).toBe('');
        expect(base).not.toMatch(/\/$/);
        expect(normalizeHost(base, 'X', 'hint')).toBe(base);
      }),
    );
  });
});
