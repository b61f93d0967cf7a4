// Fills an embedded region with many nodes at once, straight through its stores in one
// transaction (enlisting 10,000 nodes over HTTP would take minutes): a realistic mix of
// statuses, zones rack-1…rack-N, a few tags, one MAC each, IPMI power with a password.
import type { NodeStatusValue } from '../../src-shared/maas/index';
import type { RegionCore } from '../../src-main/region/region-core';

export interface SeedOptions {
  count: number;
  /** Status of node i (default: a mix, mostly New). */
  statusOf?: (i: number) => NodeStatusValue;
  zones?: number;
  /** Hostname of node i (default rack{zone}-node-{i}). */
  hostnameOf?: (i: number) => string;
  /** Prefix of the system ids (default "n"): seed twice with different prefixes. */
  idPrefix?: string;
}

const mix: NodeStatusValue[] = [0, 0, 0, 0, 4, 4, 10, 6, 8, 2];

export function seedNodes(core: RegionCore, o: SeedOptions): { systemIds: string[]; hostnames: string[]; macs: string[] } {
  const zones = o.zones ?? 20;
  const systemIds: string[] = [];
  const hostnames: string[] = [];
  const macs: string[] = [];
  // A MAC space per id prefix, so two seeds never collide.
  const macSpace = ([...(o.idPrefix ?? 'n')].reduce((a, c) => a * 31 + c.charCodeAt(0), 7) & 0xff).toString(16).padStart(2, '0');
  core.tx(() => {
    const zoneIds = Array.from({ length: zones }, (_, z) => (core.zones.byName(`rack-${z + 1}`) ?? core.zones.insert(`rack-${z + 1}`, `Rack ${z + 1}`)).id);
    const tag = (name: string) => core.tags.byName(name) ?? core.tags.insert({ name, definition: '', comment: '', kernel_opts: '' });
    const ssd = tag('ssd');
    const gpu = tag('gpu');
    const admin = core.users.byName('admin')!;
    for (let i = 0; i < o.count; i++) {
      const z = i % zones;
      const status = o.statusOf?.(i) ?? mix[i % mix.length];
      const hostname = o.hostnameOf?.(i) ?? `rack${z + 1}-node-${i}`;
      const n = core.nodes.insert({
        hostname, installable: true, status, zoneId: zoneIds[z], architecture: i % 7 === 0 ? 'arm64/generic' : 'amd64/generic',
        cpuCount: 4 << (i % 4), memory: 8192 << (i % 3), storage: 240_000 * (1 + (i % 5)), powerType: 'ipmi',
        systemId: `${o.idPrefix ?? 'n'}${i.toString(36).padStart(5, '0')}`,
        ownerId: status === 10 || status === 6 ? admin.id : null,
      });
      core.nodes.update(n.id, { power_state: i % 3 === 0 ? 'on' : 'off' });
      core.nodes.setPowerParams(n.id, { power_address: `10.0.${z}.${i % 250}`, power_user: 'maas', power_pass: `secret-${i}` });
      const mac = `52:${macSpace}:${((i >> 24) & 0xff).toString(16).padStart(2, '0')}:${((i >> 16) & 0xff).toString(16).padStart(2, '0')}:${((i >> 8) & 0xff).toString(16).padStart(2, '0')}:${(i & 0xff).toString(16).padStart(2, '0')}`;
      core.nodes.addMac(n.id, mac);
      if (i % 4 === 0) core.tags.addMember(ssd.id, n.id);
      if (i % 10 === 0) core.tags.addMember(gpu.id, n.id);
      systemIds.push(n.system_id);
      hostnames.push(hostname);
      macs.push(mac);
    }
  });
  return { systemIds, hostnames, macs };
}
