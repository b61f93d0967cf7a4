// The MAAS 2.x/3.x machine actions through the inventory, against a server answering as MAAS
// 3.x's source does: pre-flight by MAAS's own rules, each machine's outcome with the status
// the server then reports, the options on the wire as MAAS takes them; a server too old for an
// action is refused up front with its release named; API 1.0 keeps its own deploy.
import { afterEach, expect, test } from 'vitest';
import { createInventory } from '../../../src-main/console/inventory/index';
import { createMaasClient } from '../../../src-main/maas-client/index';
import type { EventName, Payload } from '../../../src-shared/contract/index';
import type { BulkRequest } from '../../../src-shared/contract/inventory';
import { preflight } from '../../../src-shared/inventory/preflight';
import { machine, maas3Fleet } from '../../support/maas-replay-fixtures';
import { startReplayServer, type ReplayOptions } from '../../support/maas-replay-server';
import { tempDir } from './inventory-support';

const KEY = 'ck5:tk5:ts5';
const open: { close(): Promise<void> | void }[] = [];
afterEach(async () => { for (const c of open.splice(0).reverse()) await c.close(); });

async function setup(o: Partial<ReplayOptions> = {}) {
  const s = await startReplayServer({ api: '2.0', apiKey: KEY, machines: maas3Fleet(), ...o });
  open.push(s);
  const client = createMaasClient({ root: s.root, apiVersion: o.api ?? '2.0', apiKey: KEY, label: 'lab' });
  open.push(client);
  const events: { name: EventName; payload: unknown }[] = [];
  const inv = createInventory({ dataDir: tempDir('inv-actions-'), clientFor: async () => client, pollEveryMs: () => 0, emit: (name, payload) => { events.push({ name, payload }); } });
  open.push(inv);
  const snap = await inv.handlers['inventory.list']({ connectionId: 'lab' });
  const id = (host: string) => snap.nodes.find((n) => n.hostname === host)!.systemId;
  const outcomes = (jobId: string) => new Map(events.filter((e) => e.name === 'inventory.bulkProgress').map((e) => e.payload as Payload<'inventory.bulkProgress'>)
    .filter((p) => p.jobId === jobId).flatMap((p) => p.outcomes).map((x) => [x.hostname, x]));
  const run = async (req: Omit<BulkRequest, 'connectionId' | 'systemIds'> & { hosts: string[] }) => {
    const { hosts, ...rest } = req;
    const plan = preflight(req.action, hosts.map(id), (x) => inv.lists.get('lab', x), rest);
    const start = await inv.handlers['inventory.bulk']({ connectionId: 'lab', systemIds: plan.act, skipped: plan.skipped, ...rest });
    await inv.bulk.idle();
    const pushed = outcomes(start.jobId);
    return new Map(start.outcomes.map((x) => [x.hostname, pushed.get(x.hostname) ?? x]));
  };
  const sent = (op: string) => s.requests.filter((r) => r.query.get('op') === op);
  /** Machines finish what they were doing (they boot and report), and the inventory reads them again. */
  const settle = async (hosts?: string[]) => {
    s.settle(hosts?.map(id));
    await inv.handlers['inventory.reread']({ connectionId: 'lab', systemIds: [...s.machines.keys()] });
  };
  return { s, inv, id, run, sent, settle };
}

test('the offer: ops from describe/, images and kernels from boot-resources/, defaults, scripts, pools', async () => {
  const { inv } = await setup();
  const o = await inv.handlers['inventory.offer']({ connectionId: 'lab' });
  expect(o).toMatchObject({ apiVersion: '2.0', version: '3.4.9', defaults: { osystem: 'ubuntu', distroSeries: 'jammy' }, pools: ['default', 'gpu-farm'] });
  expect(o.images).toEqual([{ osystem: 'ubuntu', releases: [
    { series: 'focal', kernels: ['ga-20.04', 'hwe-20.04', 'hwe-20.04-edge'] }, { series: 'jammy', kernels: ['ga-22.04', 'hwe-22.04', 'hwe-22.04-edge'] },
    { series: 'noble', kernels: ['ga-24.04', 'hwe-24.04', 'hwe-24.04-edge'] }] }]);
  expect(o.commissioningScripts.map((x) => x.name)).toEqual(['update_firmware', 'configure-hba']);
  expect(Object.values(o.actions).every((a) => a?.offered)).toBe(true);
});

test('deploy: Ready machines allocated then deployed with the release, kernel and user data chosen; Allocated deployed; others skipped', async () => {
  const { s, run, sent, id } = await setup();
  const o = await run({ action: 'deploy', hosts: ['lab-ready-01', 'lab-alloc-01', 'lab-deployed-01', 'lab-new-01'], distroSeries: 'noble', hweKernel: 'hwe-24.04', userData: '#cloud-config\npackages: [ipmitool]\n' });
  expect(o.get('lab-ready-01')).toMatchObject({ state: 'done', reason: 'now Deploying' });
  expect(o.get('lab-alloc-01')).toMatchObject({ state: 'done', reason: 'now Deploying' });
  expect(o.get('lab-deployed-01')).toMatchObject({ state: 'skipped', reason: 'not possible while Deployed' });
  expect(o.get('lab-new-01')).toMatchObject({ state: 'skipped', reason: 'not possible while New' });
  expect(sent('allocate').map((r) => r.form)).toEqual([[['system_id', id('lab-ready-01')]]]);
  const deploy = sent('deploy')[0].form;
  expect(deploy).toEqual(expect.arrayContaining([['distro_series', 'noble'], ['hwe_kernel', 'hwe-24.04'],
    ['user_data', Buffer.from('#cloud-config\npackages: [ipmitool]\n').toString('base64')]]));
  expect(s.machines.get(id('lab-ready-01'))).toMatchObject({ status: 9, distro_series: 'noble', owner: 'admin' });
  s.settle();
  expect(s.machines.get(id('lab-ready-01'))!.status).toBe(6);
});

test('commission with its options; test; abort; an unknown script is refused in MAAS\'s words', async () => {
  const { s, run, sent, id } = await setup();
  const o = await run({ action: 'commission', hosts: ['lab-ready-03', 'lab-failcomm-01', 'lab-deployed-01'], enableSsh: true, skipNetworking: true, skipStorage: true, commissioningScripts: ['update_firmware'], testingScripts: ['none'] });
  expect(o.get('lab-ready-03')).toMatchObject({ state: 'done', reason: 'now Commissioning' });
  expect(o.get('lab-failcomm-01')).toMatchObject({ state: 'done', reason: 'now Commissioning' });
  expect(sent('commission')[0].form).toEqual([['enable_ssh', '1'], ['skip_networking', '1'], ['skip_storage', '1'], ['commissioning_scripts', 'update_firmware'], ['testing_scripts', 'none']]);
  const bad = await run({ action: 'test', hosts: ['lab-ready-04'], testingScripts: ['no-such-test'] });
  expect(bad.get('lab-ready-04')).toMatchObject({ state: 'failed', reason: expect.stringContaining('Select a valid choice. no-such-test is not one of the available choices.') });
  const t = await run({ action: 'test', hosts: ['lab-ready-04'], testingScripts: ['memtester'] });
  expect(t.get('lab-ready-04')).toMatchObject({ state: 'done', reason: 'now Testing' });
  const a = await run({ action: 'abort', hosts: ['lab-ready-04', 'lab-ready-03', 'lab-ready-02'] });
  expect(a.get('lab-ready-04')).toMatchObject({ state: 'done', reason: 'now Ready' });
  expect(a.get('lab-ready-03')).toMatchObject({ state: 'done', reason: 'now Ready' });
  expect(a.get('lab-ready-02')).toMatchObject({ state: 'skipped', reason: 'not possible while Ready' });
  expect(s.machines.get(id('lab-failcomm-01'))!.status).toBe(1);
});

test('rescue mode in and out, lock and unlock, override failed testing, set pool, power cycle, mark broken and fixed', async () => {
  const { s, run, id, settle } = await setup();
  expect((await run({ action: 'rescueMode', hosts: ['lab-deployed-01', 'lab-deploying-01'] })).get('lab-deployed-01')).toMatchObject({ state: 'done', reason: 'now Entering rescue mode' });
  await settle(['lab-deployed-01']);
  expect((await run({ action: 'exitRescueMode', hosts: ['lab-deployed-01', 'lab-rescue-01'] })).get('lab-rescue-01')).toMatchObject({ state: 'done', reason: 'now Exiting rescue mode' });
  await settle();
  expect(s.machines.get(id('lab-deployed-01'))!.status).toBe(6);
  const lock = await run({ action: 'lock', hosts: ['lab-deployed-01', 'lab-locked-01', 'lab-ready-01'] });
  expect(lock.get('lab-deployed-01')).toMatchObject({ state: 'done' });
  expect(lock.get('lab-locked-01')).toMatchObject({ state: 'skipped', reason: 'locked: unlock it first' });
  expect((await run({ action: 'release', hosts: ['lab-deployed-01'] })).get('lab-deployed-01')).toMatchObject({ state: 'skipped' });
  expect((await run({ action: 'unlock', hosts: ['lab-deployed-01', 'lab-ready-01'] })).get('lab-ready-01')).toMatchObject({ state: 'skipped', reason: 'not locked' });
  expect(s.machines.get(id('lab-deployed-01'))!.locked).toBe(false);
  expect((await run({ action: 'overrideFailedTesting', hosts: ['lab-failtest-01'] })).get('lab-failtest-01')).toMatchObject({ state: 'done', reason: 'now Ready' });
  const pool = await run({ action: 'setPool', pool: 'gpu-farm', hosts: ['lab-ready-01', 'lab-ready-02'] });
  expect(pool.get('lab-ready-01')).toMatchObject({ state: 'skipped', reason: 'already in pool gpu-farm' });
  expect(pool.get('lab-ready-02')).toMatchObject({ state: 'done' });
  expect(s.machines.get(id('lab-ready-02'))!.pool).toBe('gpu-farm');
  const cycle = await run({ action: 'powerCycle', hosts: ['lab-deployed-01'] });
  expect(cycle.get('lab-deployed-01')).toMatchObject({ state: 'done' });
  expect(s.requests.filter((r) => ['power_off', 'query_power_state', 'power_on'].includes(r.query.get('op') ?? '')).map((r) => r.query.get('op')))
    .toEqual(['power_off', 'query_power_state', 'power_on']);
  expect((await run({ action: 'markBroken', hosts: ['lab-ready-04'], comment: 'fan 3 loud' })).get('lab-ready-04')).toMatchObject({ state: 'done' });
  expect((await run({ action: 'markFixed', hosts: ['lab-ready-04'] })).get('lab-ready-04')).toMatchObject({ state: 'done' });
});

test('a MAAS 2.1 server: rescue mode, tests, locks and pools are not offered, and saying so names its release', async () => {
  const { inv, id } = await setup({ version: '2.1.5' });
  const o = await inv.handlers['inventory.offer']({ connectionId: 'lab' });
  expect(o.actions.rescueMode).toEqual({ offered: false, why: 'needs MAAS 2.2 or later; this server is MAAS 2.1.5' });
  expect(o.actions.lock).toEqual({ offered: false, why: 'needs MAAS 2.5 or later; this server is MAAS 2.1.5' });
  expect(o.actions.deploy).toEqual({ offered: true, why: null });
  await expect(inv.handlers['inventory.bulk']({ connectionId: 'lab', action: 'rescueMode', systemIds: [id('lab-deployed-01')] }))
    .rejects.toThrow('Enter rescue mode is not offered by lab (http://127.0.0.1:');
});

test('API 1.0 keeps its own set: deploy is acquire (by hostname) then start with the distro series; abort is abort_operation', async () => {
  const { s, inv, run, sent } = await setup({ api: '1.0', machines: [machine(1, 4, { hostname: 'old-1' }), machine(2, 1, { hostname: 'old-2' })] });
  const o = await inv.handlers['inventory.offer']({ connectionId: 'lab' });
  expect(o.actions.test).toEqual({ offered: false, why: 'MAAS 1.x (API 1.0) has no such action' });
  const dep = await run({ action: 'deploy', hosts: ['old-1'], distroSeries: 'trusty' });
  expect(dep.get('old-1'), dep.get('old-1')?.reason).toMatchObject({ state: 'done' });
  expect(sent('acquire')[0].form).toEqual([['name', 'old-1']]);
  expect(sent('start')[0].form).toEqual([['distro_series', 'trusty']]);
  expect((await run({ action: 'abort', hosts: ['old-2'] })).get('old-2')).toMatchObject({ state: 'done' });
  expect(sent('abort_operation')).toHaveLength(1);
  expect(s.machines.get('m00002')!.status).toBe(4);
});
