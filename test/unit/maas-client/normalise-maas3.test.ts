// MAAS 3.x machine records (shaped as a 3.4 server answers: nested zone/pool/domain,
// interface_set with VLAN, bond and bridge interfaces on their parents' MACs) normalised.
import { expect, test } from 'vitest';
import { toNodeSummary } from '../../../src-main/maas-client/normalise';
import { asApi2, maas3Fleet } from '../../support/maas-replay-fixtures';
import { vlanTrio } from '../../support/maas-replay/fleet';

const fleet = maas3Fleet();
const byHost = (h: string) => fleet.find((m) => m.hostname === h)!;
const summary = (h: string) => toNodeSummary(asApi2(byHost(h), '/MAAS/api/2.0/') as Record<string, unknown>, '2.0');

test('3 physical + 3 VLAN interfaces: 6 interfaces, 3 MACs, in the order MAAS lists them', () => {
  const raw = asApi2(byHost('lab-ready-01'), '/MAAS/api/2.0/');
  expect(raw.interface_set.map((i) => [i.name, i.type])).toEqual([
    ['enp1s0', 'physical'], ['enp2s0', 'physical'], ['enp3s0', 'physical'], ['enp1s0.30', 'vlan'], ['enp2s0.30', 'vlan'], ['enp3s0.30', 'vlan']]);
  const n = summary('lab-ready-01');
  expect(n.macAddresses).toEqual(vlanTrio(5).slice(0, 3).map((i) => i.mac));
  expect(n).toMatchObject({ status: 4, statusName: 'Ready', pool: 'gpu-farm', zone: 'default', powerType: 'ipmi' });
});

test('a bond of two NICs with a bridge and a VLAN on it: 5 interfaces, 2 MACs', () => {
  expect(summary('lab-ready-02').macAddresses).toHaveLength(2);
});

test('every status of the fleet keeps its real number and MAAS\'s name', () => {
  const names = fleet.map((m) => summary(m.hostname)).map((n) => `${n.status} ${n.statusName}`);
  expect(names).toEqual(expect.arrayContaining(['9 Deploying', '6 Deployed', '21 Testing', '22 Failed testing', '16 Rescue mode',
    '17 Entering rescue mode', '19 Exiting rescue mode', '8 Broken', '12 Releasing', '14 Disk erasing', '3 Missing', '11 Failed deployment']));
  expect(summary('lab-deployed-01')).toMatchObject({ osystem: 'ubuntu', distroSeries: 'jammy', powerState: 'on', owner: 'admin' });
});
