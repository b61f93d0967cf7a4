// Embedded region, ipaddresses op=reserve on a /16 static range that already
// holds 5,000 reservations — one at a time (median loopback round trip) and 200 at once
// (wall time for all; every address distinct). No PERFORMANCE.md target; reported only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetch } from 'undici';
import { startRegion } from '../../src-main/region/start-region';
import { ClusterInterfacesStore } from '../../src-main/region/stores/cluster-interfaces-store';
import { plaintextHeader } from '../integration/region/helpers';
import type { Bench, Figure } from './types';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export const regionIpsBench: Bench = {
  id: 'region-ips',
  async run(): Promise<Figure[]> {
    const dir = mkdtempSync(join(tmpdir(), 'region-ips-bench-'));
    const region = await startRegion({ dataDir: dir, keyStorage: 'file', log: () => undefined, tagEngine: null });
    try {
      const auth = plaintextHeader(region.createApiKey());
      const store = new ClusterInterfacesStore(region.core.db);
      region.core.tx(() => {
        store.insert({ name: 'eth0', ip: '10.0.0.1', interface: 'eth0', management: 0, subnet_mask: '255.255.0.0', broadcast_ip: '', router_ip: '',
          ip_range_low: '', ip_range_high: '', static_ip_range_low: '10.0.0.2', static_ip_range_high: '10.0.255.254' });
        for (let i = 0; i < 5000; i++) store.addStaticIp(`10.0.${(i + 2) >> 8}.${(i + 2) & 255}`, 4, 1, '', null);
      });
      const reserve = async () => {
        const t0 = performance.now();
        const r = await fetch(`${region.url}ipaddresses/?op=reserve`, { method: 'POST', body: 'network=10.0.0.0%2F16',
          headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' } });
        const body = (await r.json()) as { ip: string };
        if (r.status !== 200) throw new Error(`reserve answered ${r.status}`);
        return { ms: performance.now() - t0, ip: body.ip };
      };
      await reserve(); // warm-up
      const one: number[] = [];
      for (let i = 0; i < 200; i++) one.push((await reserve()).ms);
      const t0 = performance.now();
      const many = await Promise.all(Array.from({ length: 200 }, reserve));
      const wall = performance.now() - t0;
      if (new Set(many.map((m) => m.ip)).size !== 200) throw new Error('an address was handed out twice');
      return [
        { name: 'region ipaddresses op=reserve, 5,000 already reserved, one at a time (median)', value: Math.round(median(one) * 100) / 100, unit: 'ms' },
        { name: 'region ipaddresses op=reserve, 200 concurrent requests (all answered)', value: Math.round(wall), unit: 'ms', notes: '200 distinct addresses' },
      ];
    } finally {
      await region.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
