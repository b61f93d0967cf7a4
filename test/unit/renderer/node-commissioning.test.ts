// The node panel's Commissioning tab: on a MAAS 2.x/3.x machine, the latest commissioning and
// testing runs script by script (name, status with a non-zero exit status, runtime) and a script's output read
// from main only when asked; on an API 1.0 node (no script results) the hardware details and
// the commissioning events as before.
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { expect, test } from 'vitest';
import type { ConsoleClient } from '../../../src-shared/contract/client';
import type { NodeDetailView } from '../../../src-shared/contract/inventory';
import type { NodeScripts, NodeSummary } from '../../../src-shared/contract/maas-types';
import NodeDetailHarness from './NodeDetailHarness.svelte';

const node: NodeSummary = {
  systemId: 'k3c9q2', hostname: 'lab-failtest-01', status: 22, statusName: 'Failed testing', owner: null, zone: 'default', pool: 'default',
  architecture: 'amd64/generic', cpuCount: 32, memory: 131072, storage: 1920394.248, powerState: 'off', powerType: 'ipmi', tags: [],
  macAddresses: ['3c:ec:ef:4a:0f:10'], ipAddresses: [], osystem: '', distroSeries: '',
};
const at = (m: number) => `Mon, 02 Nov 2026 10:${String(m).padStart(2, '0')}:00 -0000`;
const scripts: NodeScripts = {
  commissioning: { id: 151, kind: 'commissioning', statusName: 'Passed', started: at(0), ended: at(2), results: [
    { id: 15001, name: 'maas-lshw', status: 2, statusName: 'Passed', exitStatus: 0, started: at(0), ended: at(1), runtime: '0:00:07', suppressed: false },
  ] },
  testing: { id: 152, kind: 'testing', statusName: 'Failed', started: at(3), ended: at(30), results: [
    { id: 15003, name: 'memtester', status: 3, statusName: 'Failed', exitStatus: 1, started: at(4), ended: at(26), runtime: '0:22:54', suppressed: false },
    { id: 15004, name: 'stress-ng-cpu-short', status: 1, statusName: 'Running', exitStatus: null, started: at(27), ended: null, runtime: '', suppressed: false },
  ] },
};

function fakeClient(detail: Partial<NodeDetailView>) {
  const calls: [string, unknown][] = [];
  const view: NodeDetailView = { node, hardware: null, lshwBytes: 2048, powerParameters: {}, powerParametersProblem: null,
    events: [{ id: 1, systemId: node.systemId, hostname: node.hostname, level: 'INFO', created: 'Mon, 02 Nov. 2026 10:00:00', type: 'Commissioning', description: 'started', username: 'ops' } as never],
    eventsProblem: null, offlineAsOf: null, ...detail };
  const answers: Record<string, unknown> = {
    'inventory.list': { connectionId: 'lab', nodes: [node], fetchedAt: '2026-12-05T08:00:00Z', stale: false },
    'inventory.node': view,
    'inventory.scriptOutput': { text: 'Loop 1/1:\n  Compare XOR : FAILURE\n', bytes: 33 },
    'connections.list': [],
  };
  const client = { call: async (channel: string, args: unknown) => { calls.push([channel, args]); return { ok: true, value: answers[channel] ?? {} }; }, on: () => () => {} };
  return { client: client as unknown as ConsoleClient, calls };
}

test('a MAAS 3.x machine: each run script by script, the output read only when asked', async () => {
  const { client, calls } = fakeClient({ scripts });
  render(NodeDetailHarness, { client, systemId: node.systemId });
  await screen.findByRole('heading', { name: 'lab-failtest-01' });
  await fireEvent.click(screen.getByRole('tab', { name: 'Commissioning' }));
  const testing = await screen.findByRole('table', { name: 'Testing scripts' });
  const rows = within(testing).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').slice(0, 3).map((c) => c.textContent?.trim()));
  expect(rows).toEqual([['memtester', 'Failed · exit 1', '0:22:54'], ['stress-ng-cpu-short', 'Running', '—']]);
  expect(within(screen.getByRole('table', { name: 'Commissioning scripts' })).getByText('maas-lshw')).toBeTruthy();
  expect(screen.getByRole('heading', { name: 'Testing · Failed' }).nextElementSibling?.textContent).toBe('ended Mon, 02 Nov 2026 10:30:00 -0000');
  expect(calls.some(([c]) => c === 'inventory.scriptOutput')).toBe(false);

  const button = within(testing).getByRole('button', { name: 'Output of memtester' });
  await fireEvent.click(button);
  expect((await screen.findByLabelText(/Output of memtester \(33 bytes\)/)).textContent).toContain('Compare XOR : FAILURE');
  expect(button.getAttribute('aria-expanded')).toBe('true');
  expect(calls.filter(([c]) => c === 'inventory.scriptOutput')).toEqual([['inventory.scriptOutput', { connectionId: 'lab', systemId: node.systemId, runId: 152, resultId: 15003 }]]);
  // Hidden and shown again: read once.
  await fireEvent.click(button);
  await fireEvent.click(button);
  expect(calls.filter(([c]) => c === 'inventory.scriptOutput')).toHaveLength(1);
});

test('an output the server would not give says why, in place', async () => {
  const { client } = fakeClient({ scripts });
  (client as unknown as { call: (c: string) => Promise<unknown> }).call = async (c: string) => (c === 'inventory.scriptOutput'
    ? { ok: false, error: { code: 'unreachable', message: 'lab (http://10.0.0.2:5240/MAAS/) does not answer' } }
    : { ok: true, value: c === 'inventory.node' ? { node, hardware: null, lshwBytes: 0, powerParameters: {}, powerParametersProblem: null, events: [], eventsProblem: null, offlineAsOf: null, scripts }
      : c === 'inventory.list' ? { connectionId: 'lab', nodes: [node], fetchedAt: null, stale: false } : {} });
  render(NodeDetailHarness, { client, systemId: node.systemId });
  await fireEvent.click(await screen.findByRole('tab', { name: 'Commissioning' }));
  await fireEvent.click(await screen.findByRole('button', { name: 'Output of maas-lshw' }));
  expect((await screen.findByRole('alert')).textContent).toContain('does not answer');
});

test('an API 1.0 node keeps the hardware details and the commissioning events, no script tables', async () => {
  const { client } = fakeClient({ scripts: null });
  render(NodeDetailHarness, { client, systemId: node.systemId });
  await screen.findByRole('heading', { name: 'lab-failtest-01' });
  await fireEvent.click(screen.getByRole('tab', { name: 'Commissioning' }));
  expect(await screen.findByRole('table', { name: 'Commissioning and testing events' })).toBeTruthy();
  expect(screen.getByText(/lshw 2 KiB/)).toBeTruthy();
  expect(screen.queryByRole('table', { name: 'Testing scripts' })).toBeNull();
  expect(screen.queryByRole('table', { name: 'Commissioning scripts' })).toBeNull();
});
