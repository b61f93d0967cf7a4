// The inventory against a server whose node list goes bad (test/support/hostile-maas.ts): a
// list with a malformed machine, or one too large to read, is refused; the last good list
// stays on screen, and the sync state says what the server sent and that it was not used.
import { afterEach, expect, test } from 'vitest';
import { createMaasClient } from '../../../src-main/maas-client/index';
import { createInventory } from '../../../src-main/console/inventory/index';
import { asApi2, machine } from '../../support/maas-replay-fixtures';
import { startHostileMaas } from '../../support/hostile-maas';
import { tempDir } from './inventory-support';

const open: { close(): Promise<void> | void }[] = [];
afterEach(async () => { for (const c of open.splice(0).reverse()) await c.close(); });

test('a malformed or oversized list after a good one: refused with what was wrong, the good list kept', async () => {
  let answer: 'good' | 'malformed' | 'huge' = 'good';
  const good = [1, 2, 3].map((n) => asApi2(machine(n, 4), '/MAAS/api/2.0/'));
  const s = await startHostileMaas(async (_r, a) => {
    if (answer === 'good') return a.reply(200, JSON.stringify(good));
    if (answer === 'malformed') return a.reply(200, JSON.stringify([good[0], { ...good[1], cpu_count: 'many' }, good[2]]));
    await a.head(200, { 'content-type': 'application/json', 'content-length': '2254857830' });
    a.socket.destroy();
  });
  open.push(s);
  const client = createMaasClient({ root: s.root, apiVersion: '2.0', apiKey: 'ck:tk:ts', label: 'lab', retries: 0 });
  open.push(client);
  const inv = createInventory({ dataDir: tempDir('inv-hostile-'), clientFor: async () => client, pollEveryMs: () => 0, emit: () => {} });
  open.push(inv);
  expect((await inv.handlers['inventory.list']({ connectionId: 'lab' })).nodes).toHaveLength(3);

  answer = 'malformed';
  const bad = await inv.handlers['inventory.refresh']({ connectionId: 'lab' });
  expect(bad.error).toMatch(/GET machines\/: the server's answer is not the node list, so it was not used: entry 1 \("m00002"\) › cpu_count: expected number, received string/);
  expect((await inv.handlers['inventory.list']({ connectionId: 'lab' })).nodes.map((n) => n.systemId)).toEqual(['m00001', 'm00002', 'm00003']);

  answer = 'huge';
  const huge = await inv.handlers['inventory.refresh']({ connectionId: 'lab' });
  expect(huge.error).toMatch(/the server answered 2\.1 GiB for the node list; refused past 256 MiB \(nothing of it was read\)/);
  expect((await inv.handlers['inventory.list']({ connectionId: 'lab' })).nodes).toHaveLength(3);
});
