// The node detail of a MAAS 3.x machine whose VLAN interfaces repeat their parents' MACs.
// The client counts each MAC once, but a node list kept on disk before that (an offline
// snapshot) may still hold the repeats: the detail must render them once, not throw
// Svelte's each_key_duplicate.
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { expect, test } from 'vitest';
import type { ConsoleClient } from '../../../src-shared/contract/client';
import type { NodeDetailView } from '../../../src-shared/contract/inventory';
import type { NodeSummary } from '../../../src-shared/contract/maas-types';
import NodeDetailHarness from './NodeDetailHarness.svelte';

const macs = ['3c:ec:ef:4a:05:10', '3c:ec:ef:4a:05:11', '3c:ec:ef:4a:05:12'];
const node: NodeSummary = {
  systemId: 'k3b7f1', hostname: 'lab-ready-01', status: 4, statusName: 'Ready', owner: null, zone: 'default', pool: 'gpu-farm',
  architecture: 'amd64/generic', cpuCount: 32, memory: 131072, storage: 1920394.248, powerState: 'off', powerType: 'ipmi', tags: [],
  // As interface_set lists them: enp1s0…enp3s0, then enp1s0.30…enp3s0.30 with their parents' MACs.
  macAddresses: [...macs, ...macs], ipAddresses: [], osystem: '', distroSeries: '',
};

function fakeClient(): ConsoleClient {
  const detail: NodeDetailView = { node, hardware: null, lshwBytes: 0, powerParameters: { power_address: '10.9.0.5' }, powerParametersProblem: null,
    events: [], eventsProblem: null, offlineAsOf: null };
  const answers: Record<string, unknown> = {
    'inventory.list': { connectionId: 'lab', nodes: [node], fetchedAt: '2026-12-05T08:00:00Z', stale: false },
    'inventory.node': detail,
    'events.query': { events: [], matched: 0, older: null },
    'events.follow': { followId: 'f1' },
    'connections.list': [],
  };
  return { call: async (channel: string) => ({ ok: true, value: answers[channel] ?? {} }), on: () => () => {} } as unknown as ConsoleClient;
}

test('a node whose MACs repeat renders, each MAC once and in order', async () => {
  render(NodeDetailHarness, { client: fakeClient(), systemId: 'k3b7f1' });
  expect(await screen.findByRole('heading', { name: 'lab-ready-01' })).toBeTruthy();
  await fireEvent.click(screen.getByRole('tab', { name: 'Network' }));
  const dd = screen.getByText('MACs').nextElementSibling as HTMLElement;
  expect(within(dd).getAllByText(/^3c:ec:ef/).map((e) => e.textContent)).toEqual(macs);
  await fireEvent.click(screen.getByRole('tab', { name: 'Configuration' }));
  expect(await screen.findByText('10.9.0.5')).toBeTruthy(); // the detail call's answer rendered too
});
