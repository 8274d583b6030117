// The endpoints every client needs beside the tenants (/health, /ping, /api/v2/resources), and the headers on
// every answer. Users, orgs, buckets and writes have their own files.
import { describe, expect, it } from 'vitest';
import { OSS_RESOURCE_TYPES } from '../../core/influx-types';
import { expectError, withStandin } from './test-support';

const h = withStandin({ per: 'file' });

describe('GET /health and /ping', () => {
  it('answer without a token, with the InfluxDB build headers', async () => {
    const health = await h.call('GET', '/health', { token: null });
    expect(health.status).toBe(200);
    expect(health.json).toEqual({
      name: 'influxdb',
      message: 'ready for queries and writes',
      status: 'pass',
      checks: [],
      version: expect.stringMatching(/^v2\./),
      commit: expect.any(String),
    });
    const ping = await h.call('GET', '/ping', { token: null });
    expect(ping.status).toBe(204);
    expect(ping.text).toBe('');
    for (const answer of [health, ping]) {
      expect(answer.headers.get('x-influxdb-build')).toBe('OSS');
      // The version whose behaviour it copies: main-2.x, hashed tokens (shown only at creation, since v2.8.0).
      expect(answer.headers.get('x-influxdb-version')).toBe('v2.9.1');
    }
    expect(health.json.version).toBe('v2.9.1');
  });

  it('put the build headers on every answer, errors and 404s included', async () => {
    const answers = [
      await h.call('GET', '/api/v2/authorizations'),
      await h.call('GET', '/api/v2/authorizations', { token: null }),
      await h.call('GET', '/api/v2/nope'),
      await h.call('PUT', '/ping'),
      await h.call('GET', '/api/v2/authorizations/abc'),
    ];
    for (const answer of answers) {
      expect(answer.headers.get('x-influxdb-build')).toBe('OSS');
      expect(answer.headers.get('x-influxdb-version')).toMatch(/^v2\./);
    }
  });
});

describe('GET /api/v2/resources', () => {
  it('lists the OSS resource types, and needs a token', async () => {
    const answer = await h.call('GET', '/api/v2/resources');
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual([...OSS_RESOURCE_TYPES]);
    expectError(await h.call('GET', '/api/v2/resources', { token: null }), 401, 'unauthorized', 'unauthorized access');
  });
});
