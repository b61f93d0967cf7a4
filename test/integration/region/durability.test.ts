// Really SIGKILLs a child region (process-entry.ts, as the app forks it) in the middle of
// bulk operations, then reopens its database: no bulk is half-applied, and every bulk the
// region acknowledged (HTTP 200) is there.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { NodeStatus as S } from '../../../src-shared/maas/index';
import { expect, test } from 'vitest';
import { openRegion } from '../../../src-main/region/start-region';
import { client, tempDir } from './helpers';

const ENTRY = fileURLToPath(new URL('../../../src-main/region/process-entry.ts', import.meta.url));

function startChild(dataDir: string): Promise<{ child: ChildProcess; url: string; key: string }> {
  const child = fork(ENTRY, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
  return new Promise((resolve, reject) => {
    let url = '';
    child.on('message', (m: { type: string; url?: string; key?: string; message?: string }) => {
      if (m.type === 'ready') {
        url = m.url!;
        child.send({ type: 'create-api-key' });
      } else if (m.type === 'api-key') resolve({ child, url, key: m.key! });
      else if (m.type === 'error') reject(new Error(m.message));
    });
    child.on('exit', (code) => reject(new Error(`region child exited (${code}) before it was ready`)));
    child.send({ type: 'start', dataDir, port: 0 });
  });
}

const BATCH = 400;
const BATCHES = 8;

test('SIGKILL during bulk accept and tag update_nodes: all or nothing per bulk, nothing acknowledged lost', async () => {
  const dataDir = tempDir('region-kill-');
  // Seed BATCHES × BATCH New nodes directly.
  const seeded = await openRegion({ dataDir, keyStorage: 'file', log: () => undefined });
  const batches: string[][] = seeded.core.tx(() => Array.from({ length: BATCHES }, (_, b) => Array.from({ length: BATCH }, (_, i) =>
    seeded.core.nodes.insert({ hostname: `n-${b}-${i}`, installable: true, status: S.NEW, zoneId: 1 }).system_id)));
  seeded.core.tx(() => seeded.core.tags.insert({ name: 'wave', definition: '', comment: '', kernel_opts: '' }));
  seeded.close();

  const acked = new Set<string>(); // "accept:b" / "tag:b"
  for (let round = 0; round < 3; round++) {
    const { child, url, key } = await startChild(dataDir);
    const call = client({ url } as never, key);
    const pending = batches.map((ids, b) => (round % 2 === 0
      ? call('nodes/', { query: { op: 'accept' }, form: { nodes: ids } }).then((r) => r.status === 200 && acked.add(`accept:${b}`))
      : call('tags/wave/', { query: { op: 'update_nodes' }, form: { add: ids } }).then((r) => r.status === 200 && acked.add(`tag:${b}`))
    ).catch(() => undefined));
    await Promise.race(pending);
    await new Promise((r) => setTimeout(r, Math.random() * 15));
    child.kill('SIGKILL');
    await Promise.all(pending);
    await new Promise((r) => child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r));
  }

  const after = await openRegion({ dataDir, keyStorage: 'file', log: () => undefined });
  try {
    const tag = after.core.tags.byName('wave')!;
    const members = after.core.tags.memberIds(tag.id);
    for (const [b, ids] of batches.entries()) {
      const rows = ids.map((id) => after.core.nodes.bySystemId(id)!);
      const accepted = rows.filter((r) => r.status === S.COMMISSIONING).length;
      expect([0, BATCH], `accept batch ${b}`).toContain(accepted);
      if (acked.has(`accept:${b}`)) expect(accepted, `acknowledged accept ${b}`).toBe(BATCH);
      const tagged = rows.filter((r) => members.has(r.id)).length;
      expect([0, BATCH], `tag batch ${b}`).toContain(tagged);
      if (acked.has(`tag:${b}`)) expect(tagged, `acknowledged tag ${b}`).toBe(BATCH);
      // Events travel in the same transaction as the change they record.
      const events = after.core.db.prepare(`SELECT count(*) AS n FROM events WHERE type = 'Node changed status'
        AND node_id IN (SELECT value FROM json_each(?))`).get(JSON.stringify(rows.map((r) => r.id))) as { n: number };
      expect(events.n).toBe(accepted);
    }
    expect(after.core.db.pragma('integrity_check', { simple: true })).toBe('ok');
  } finally {
    after.close();
  }
}, 120_000);

test('SIGKILL during concurrent enlistments (group commit, synchronous NORMAL): every answered enlistment is there, as answered', async () => {
  const dataDir = tempDir('region-kill-enlist-');
  const answered = new Map<string, { hostname: string; mac: string }>();
  let sent = 0;
  for (let round = 0; round < 3; round++) {
    const { child, url } = await startChild(dataDir);
    const call = client({ url } as never, null);
    let killed = false;
    // Eight enlisting machines, each sending its next op=new as soon as the last is answered.
    const machine = async (m: number) => {
      while (!killed) {
        const i = sent++;
        const mac = ['52', '55', round, m, i >> 8, i & 255].map((b) => Number(b).toString(16).padStart(2, '0')).join(':');
        const r = await call('nodes/', { query: { op: 'new' }, multipart: { architecture: 'amd64/generic', mac_addresses: mac } }).catch(() => null);
        if (r?.status === 200) answered.set(r.json().system_id, { hostname: r.json().hostname, mac: r.json().macaddress_set[0].mac_address });
        else if (r) throw new Error(`op=new answered ${r.status} ${r.text}`);
      }
    };
    const machines = Array.from({ length: 8 }, (_, m) => machine(m));
    await new Promise((r) => setTimeout(r, 300 + Math.random() * 300));
    child.kill('SIGKILL');
    killed = true;
    await Promise.all(machines);
    await new Promise((r) => child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r));
  }
  expect(answered.size).toBeGreaterThan(0);
  const after = await openRegion({ dataDir, keyStorage: 'file', log: () => undefined });
  try {
    for (const [systemId, { hostname, mac }] of answered) {
      const row = after.core.nodes.bySystemId(systemId);
      expect(row?.hostname, `answered enlistment ${systemId}`).toBe(hostname);
      expect(after.core.nodes.nodeOfMac(mac)).toBe(row!.id);
    }
    expect(after.core.db.pragma('integrity_check', { simple: true })).toBe('ok');
  } finally {
    after.close();
  }
}, 120_000);
