// Commissioning and testing script results of a MAAS 3.x machine through the one client,
// against the replay server answering as api/scriptresults.py does: the newest run of each
// kind, listed without output; one script's output asked for alone and decoded; malformed and
// oversized answers refused with what was wrong; nothing asked of an API 1.0 server.
import { afterEach, expect, test } from 'vitest';
import { createMaasClient, type MaasClient } from '../../../src-main/maas-client/index';
import { maas3Fleet } from '../../support/maas-replay-fixtures';
import { startReplayServer, type ReplayServer } from '../../support/maas-replay-server';

const KEY = 'ck5:tk5:ts5';
const open: { close(): Promise<void> }[] = [];
afterEach(async () => { for (const c of open.splice(0).reverse()) await c.close(); });

async function setup(api: '1.0' | '2.0' = '2.0', limits?: Parameters<typeof createMaasClient>[0]['limits']): Promise<{ s: ReplayServer; c: MaasClient }> {
  const s = await startReplayServer({ api, apiKey: KEY, machines: maas3Fleet() });
  open.push(s);
  const c = createMaasClient({ root: s.root, apiVersion: api, apiKey: KEY, label: 'lab', retries: 0, limits });
  open.push(c);
  return { s, c };
}
const idOf = (s: ReplayServer, hostname: string) => [...s.machines.values()].find((m) => m.hostname === hostname)!.system_id;

test('the newest commissioning and testing runs, each script with its status and runtime, no output', async () => {
  const { s, c } = await setup();
  const id = idOf(s, 'lab-failtest-01');
  const runs = await c.scriptRuns(id);
  expect(runs?.commissioning?.results).toHaveLength(12);
  expect(runs?.commissioning?.results.every((r) => r.statusName === 'Passed' && r.exitStatus === 0 && /^0:00:\d\d$/.test(r.runtime))).toBe(true);
  // The older testing run (one script) is not the current one.
  expect(runs?.testing?.results.map((r) => [r.name, r.statusName, r.exitStatus, r.runtime])).toEqual([
    ['memtester', 'Failed', 1, '0:22:54'], ['smartctl-validate', 'Passed', 0, '0:00:41'], ['stress-ng-cpu-short', 'Passed', 0, '0:05:01'],
  ]);
  expect(runs?.testing).toMatchObject({ kind: 'testing', statusName: 'Failed' });
  expect(runs?.testing?.results[0].started).toMatch(/^\w{3}, \d\d \w{3} 2026 \d\d:\d\d:\d\d -0000$/);
  const asked = s.requests.filter((r) => r.path.endsWith(`/nodes/${id}/results/`));
  expect(asked.map((r) => r.query.get('type')).sort()).toEqual(['commissioning', 'testing']);
  expect(asked.every((r) => !r.query.has('include_output'))).toBe(true);
});

test('a run still going says Running and Pending with no runtime; a New machine has no runs', async () => {
  const { s, c } = await setup();
  const comm = await c.scriptRuns(idOf(s, 'lab-comm-01'));
  expect(comm?.testing).toBeNull();
  expect(comm?.commissioning?.results.filter((r) => r.statusName !== 'Passed').map((r) => [r.statusName, r.runtime, r.ended])).toEqual([
    ['Running', '', null], ['Pending', '', null], ['Pending', '', null], ['Pending', '', null],
  ]);
  expect(await c.scriptRuns(idOf(s, 'lab-new-01'))).toEqual({ commissioning: null, testing: null });
});

test("one script's output: asked alone with include_output and its id, decoded from base64", async () => {
  const { s, c } = await setup();
  const id = idOf(s, 'lab-failtest-01');
  const run = (await c.scriptRuns(id))!.testing!;
  const memtester = run.results.find((r) => r.name === 'memtester')!;
  const out = await c.scriptOutput(id, run.id, memtester.id);
  expect(out.text).toContain('Compare XOR         : FAILURE: 0x4c31a2f0e8d79b10');
  expect(out.bytes).toBe(Buffer.byteLength(out.text));
  const q = s.requests.at(-1)!;
  expect(q.path).toBe(`/MAAS/api/2.0/nodes/${id}/results/${run.id}/`);
  expect([q.query.get('include_output'), q.query.get('filters')]).toEqual(['1', String(memtester.id)]);
});

test('a malformed run is refused naming the field; an output past its size is refused, not read', async () => {
  const { s, c } = await setup('2.0', { bytes: { 'script output': 64 * 1024 } });
  const id = idOf(s, 'lab-failtest-01');
  s.faults.push({ match: (r) => r.path.endsWith('/results/'), times: 2, kind: 'status', status: 200,
    body: JSON.stringify([{ id: 5, type: 2, results: [{ id: 9, name: 'memtester', status: 'Failed' }] }]) });
  await expect(c.scriptRuns(id)).rejects.toThrow(/not a list, so it was not used: entry 0 › results › 0 › status: expected number/);
  const run = (await c.scriptRuns(id))!.testing!;
  s.faults.push({ match: (r) => r.query.has('include_output'), times: 1, kind: 'status', status: 200,
    body: JSON.stringify({ id: run.id, results: [{ id: run.results[0].id, output: 'A'.repeat(200_000) }] }) });
  await expect(c.scriptOutput(id, run.id, run.results[0].id)).rejects.toThrow(/more than 64 KiB for a script's output/);
  s.faults.push({ match: (r) => r.query.has('include_output'), times: 1, kind: 'status', status: 200,
    body: JSON.stringify({ id: run.id, results: [{ id: run.results[0].id, output: 'not base64!' }] }) });
  await expect(c.scriptOutput(id, run.id, run.results[0].id)).rejects.toThrow(/results › 0 › output: not base64/);
});

test('an API 1.0 server has no script results: nothing is asked', async () => {
  const { s, c } = await setup('1.0');
  const before = s.requests.length;
  expect(await c.scriptRuns(idOf(s, 'lab-ready-01'))).toBeNull();
  expect(s.requests.length).toBe(before);
});
