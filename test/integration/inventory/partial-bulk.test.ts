// Bulk accept and release against a server answering as MAAS 3.x does: machine by machine,
// 409 at a refusal, nothing rolled back. Each node's outcome is what the server said or what
// a read of the server shows afterwards — never a cause the server did not give.
import { afterEach, expect, test } from 'vitest';
import { createInventory } from '../../../src-main/console/inventory/index';
import { createMaasClient } from '../../../src-main/maas-client/index';
import type { EventName, Payload } from '../../../src-shared/contract/index';
import { machine } from '../../support/maas-replay-fixtures';
import { startReplayServer } from '../../support/maas-replay-server';
import { tempDir } from './inventory-support';

const KEY = 'ck3:tk3:ts3';
const open: { close(): Promise<void> | void }[] = [];
afterEach(async () => { for (const c of open.splice(0).reverse()) await c.close(); });

async function setup(machines = [machine(1, 0), machine(2, 6), machine(3, 0), machine(4, 9), machine(5, 0), machine(6, 4), machine(7, 1)]) {
  const s = await startReplayServer({ api: '2.0', apiKey: KEY, machines });
  open.push(s);
  const client = createMaasClient({ root: s.root, apiVersion: '2.0', apiKey: KEY, label: 'lab' });
  open.push(client);
  const events: { name: EventName; payload: unknown }[] = [];
  const inv = createInventory({ dataDir: tempDir('inv-partial-'), clientFor: async () => client, pollEveryMs: () => 0, emit: (name, payload) => { events.push({ name, payload }); } });
  open.push(inv);
  await inv.handlers['inventory.list']({ connectionId: 'lab' });
  const progress = () => events.filter((e) => e.name === 'inventory.bulkProgress').map((e) => e.payload as Payload<'inventory.bulkProgress'>);
  const outcomes = () => new Map(progress().flatMap((p) => p.outcomes).map((o) => [o.systemId, o]));
  const run = async (action: 'accept' | 'release', systemIds: string[]) => {
    await inv.handlers['inventory.bulk']({ connectionId: 'lab', action, systemIds });
    await inv.bulk.idle();
    return outcomes();
  };
  return { s, inv, run, progress };
}

test('a partial accept (409): the refused node in MAAS\'s words, the others read back, those not reached sent again', async () => {
  const { s, inv, run, progress } = await setup();
  const o = await run('accept', ['m00001', 'm00002', 'm00003', 'm00004', 'm00005']);
  // MAAS took m00001 and stopped at m00002 (Deployed); the others were read back: m00004 had not
  // moved (Deploying, not New: sending it again would only be refused), m00003 and m00005 were
  // still New, not reached, and were sent again.
  expect(o.get('m00002')).toMatchObject({ state: 'failed', reason: 'refused in state Deployed: Cannot accept node enlistment: node m00002 is in state Deployed.' });
  expect(o.get('m00001')).toMatchObject({ state: 'done', reason: "read back after the server's 409: now Commissioning" });
  expect(o.get('m00004')).toMatchObject({ state: 'unchanged', reason: "not named in the server's 409; read back: Deploying, as before" });
  for (const id of ['m00003', 'm00005']) {
    expect(o.get(id)).toMatchObject({ state: 'done' });
    expect(o.get(id)!.reason).toBeUndefined(); // listed as changed by the second request's 200
  }
  for (const id of ['m00001', 'm00003', 'm00005']) expect(s.machines.get(id)!.status).toBe(1);
  const accepts = s.requests.filter((r) => r.query.get('op') === 'accept').map((r) => r.form.filter(([k]) => k === 'machines').map(([, v]) => v));
  expect(accepts).toEqual([['m00001', 'm00002', 'm00003', 'm00004', 'm00005'], ['m00003', 'm00005']]);
  expect(progress().at(-1)!.counts).toMatchObject({ done: 3, failed: 1, unchanged: 1, pending: 0 });
  expect(progress().some((p) => p.note?.includes('HTTP 409'))).toBe(true);
  expect(inv.lists.get('lab', 'm00001')!.statusName).toBe('Commissioning');
});

test('a 200 that does not list a node says "server reported no change", not a cause', async () => {
  const { run } = await setup();
  const o = await run('accept', ['m00006', 'm00007', 'm00001']);
  expect(o.get('m00001')).toMatchObject({ state: 'done' });
  expect(o.get('m00006')).toMatchObject({ state: 'unchanged', reason: 'server reported no change' });
  expect(o.get('m00007')).toMatchObject({ state: 'unchanged', reason: 'server reported no change' });
  const r = await run('release', ['m00006']);
  expect(r.get('m00006')).toMatchObject({ state: 'unchanged', reason: 'server reported no change' });
});

test('a partial release (409): refused named with their states, the others read back as the server has them', async () => {
  const { s, inv, run } = await setup([machine(1, 6), machine(2, 0), machine(3, 10), machine(4, 4), machine(5, 8)]);
  const o = await run('release', ['m00001', 'm00002', 'm00003', 'm00004']);
  expect(o.get('m00002')).toMatchObject({ state: 'failed', reason: expect.stringMatching(/^refused in state New: Machine\(s\) cannot be released in their current state: m00002 \('New'\)\.$/) });
  expect(o.get('m00001')).toMatchObject({ state: 'done', reason: "read back after the server's 409: now Releasing" });
  expect(o.get('m00003')).toMatchObject({ state: 'done', reason: "read back after the server's 409: now Releasing" });
  // Ready already: MAAS skipped it without a word; the read shows it as it was.
  expect(o.get('m00004')).toMatchObject({ state: 'unchanged', reason: "not named in the server's 409; read back: Ready, as before" });
  expect(s.requests.filter((r) => r.query.get('op') === 'release')).toHaveLength(1); // a release is never sent twice
  s.settle(['m00001', 'm00003']);
  await inv.handlers['inventory.reread']({ connectionId: 'lab', systemIds: ['m00001', 'm00003'] });
  expect(inv.lists.get('lab', 'm00001')!.statusName).toBe('Ready');
});
