// Who the trail names: the credential (never its secret), the person only from a trusted auth proxy, and whether a
// browser page or a plain client (curl, the CLI) sent the change.
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { whoResolver } from './who';

function request(headers: Record<string, string>, remoteAddress = '127.0.0.1'): FastifyRequest {
  return { headers, raw: { socket: { remoteAddress } } } as unknown as FastifyRequest;
}

const identities: Record<string, { id: string; description: string }> = {
  'server-secret': { id: 'a1', description: "admin's Token" },
  'pasted-secret': { id: 'b2', description: 'ops laptop' },
};
const identify = async (token: string) => ({ state: 'active' as const, ...identities[token] });

describe('who made a change', () => {
  it('is the server-held token unless the request carries its own, named by ID and description only', async () => {
    const who = whoResolver({ serverToken: () => 'server-secret', identify });
    expect(await who(request({ 'sec-fetch-site': 'same-origin' }))).toEqual({
      actor: { kind: 'server-token', tokenID: 'a1', description: "admin's Token" },
      via: 'page',
    });
    const pasted = await who(request({ authorization: 'Token pasted-secret' }));
    expect(pasted).toEqual({ actor: { kind: 'pasted-token', tokenID: 'b2', description: 'ops laptop' }, via: 'api' });
    expect(JSON.stringify(pasted)).not.toContain('secret');
  });

  it('takes the person from the auth proxy header only on requests from a trusted address', async () => {
    const who = whoResolver({
      serverToken: () => 'server-secret',
      identify,
      authProxy: { header: 'X-WEBAUTH-USER', trusted: ['10.0.0.5'] },
    });
    expect((await who(request({ 'x-webauth-user': 'ana' }, '::ffff:10.0.0.5'))).actor.person).toBe('ana');
    expect((await who(request({ 'x-webauth-user': 'mallory' }, '10.0.0.6'))).actor.person).toBeUndefined();
  });

  it('names the kind of credential alone when InfluxDB cannot say which token it is', async () => {
    const who = whoResolver({
      serverToken: () => 'server-secret',
      identify: async () => {
        throw new Error('InfluxDB did not answer');
      },
    });
    expect((await who(request({}))).actor).toEqual({ kind: 'server-token' });
  });
});
