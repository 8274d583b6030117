// The trail copied into a bucket of the user's InfluxDB (AUDIT_BUCKET), checked against the stand-in's own
// /api/v2/write: every entry lands once, hostile text survives line protocol, a refusal keeps the entries for later.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PointsStore } from '../standin/points-store';
import { Harness } from '../standin/test-support';
import { BucketCopy, auditLine } from './bucket-copy';
import { Governance } from './governance';
import { GovernanceStore } from './store';

let h: Harness;
let dir: string;
let store: GovernanceStore;
const logs: string[] = [];

beforeEach(async () => {
  h = new Harness();
  await h.open();
  dir = mkdtempSync(join(tmpdir(), 'bucket-copy-'));
  store = new GovernanceStore(join(dir, 'console.sqlite'), 'standin');
  logs.length = 0;
});
afterEach(async () => {
  store.close();
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

function copyInto(bucket: string, token = h.operatorToken) {
  return new BucketCopy({
    store,
    upstreamUrl: h.standin.url,
    serverToken: () => token,
    bucket,
    timeoutMs: 10_000,
    log: (line) => logs.push(line),
    batch: 3,
  });
}

function record(description: string) {
  new Governance({ store, maxLifetimeMs: null }).recordUpdate(
    { tokenID: 't1', orgID: h.orgID, description: 'before', status: 'active' },
    { id: 't1', orgID: h.orgID, description, status: 'active' },
    { actor: { kind: 'server-token', description: "admin's Token" }, via: 'page' },
  );
}

const stored = async (bucket: string) => {
  const id = await h.bucketID(bucket);
  return h.change((s) => new PointsStore(s).read(h.orgID, id));
};

describe('the trail copied into an InfluxDB bucket', () => {
  it('writes every entry once, in batches, and again after a crash only once', async () => {
    const hostile = 'say "hi", \\ back\nslash, a=b';
    for (let i = 0; i < 7; i++) record(i === 3 ? hostile : `name ${i}`);
    const copy = copyInto('my-bucket');
    expect(await copy.sendPending()).toBe(7);
    const points = await stored('my-bucket');
    expect(points).toHaveLength(7);
    expect(points[0]!.seriesKey).toMatch(
      /^token_audit,action=rename,actor_kind=server-token,org_id=\w+,token_id=t1,via=page$/,
    );
    const fields = points.map((p) => JSON.parse(p.fields) as Record<string, [string, string]>);
    expect(fields.map((f) => JSON.parse(f.after![1]).description)).toContain(hostile);
    expect(fields.find((f) => f.description![1] === hostile)).toBeDefined();
    // Nothing new: nothing sent. A crash before the cursor moved sends the same points again: still 7.
    expect(await copy.sendPending()).toBe(0);
    store.setExported(0);
    expect(await copy.sendPending()).toBe(7);
    expect(await stored('my-bucket')).toHaveLength(7);
  });

  it('keeps the entries when InfluxDB refuses them, says why, and sends them once it can', async () => {
    record('one');
    record('two');
    await expect(copyInto('audit').sendPending()).rejects.toThrow(
      /InfluxDB answered 404 to the write into bucket “audit”: bucket "audit" not found/,
    );
    expect(store.exported()).toBe(0);
    // Someone makes the bucket (as `influx bucket create` would).
    const now = new Date().toISOString();
    h.change((s) =>
      s.insertBucket({
        id: 'aaaaaaaaaaaa0001',
        orgID: h.orgID,
        type: 'user',
        name: 'audit',
        description: '',
        retentionSeconds: 0,
        createdAt: now,
        updatedAt: now,
      }),
    );
    expect(await copyInto('audit').sendPending()).toBe(2);
    expect(await stored('audit')).toHaveLength(2);
  });

  it('writes a line InfluxDB reads back as the entry', () => {
    const line = auditLine({
      seq: 12,
      at: '2027-01-01T00:00:00.000Z',
      orgID: 'o1',
      tokenID: 't1',
      description: 'a "b"',
      action: 'expiry-fired',
      actor: { kind: 'console' },
      via: 'scheduled',
      note: 'caught up',
    });
    expect(line).toBe(
      'token_audit,org_id=o1,token_id=t1,action=expiry-fired,via=scheduled,actor_kind=console ' +
        'description="a \\"b\\"",actor="{\\"kind\\":\\"console\\"}",note="caught up",seq=12i 1798761600000000012',
    );
  });
});
