// Embedded region figures (PERFORMANCE.md): nodes op=list with 10,000 nodes (time, bytes);
// op=accept and op=release of 1,000 nodes in one request. Times are loopback round trips
// measured by the client (server time plus reading the reply), median of several runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetch } from 'undici';
import { NodeStatus as S } from '../../src-shared/maas/index';
import { startRegion, type RunningRegion } from '../../src-main/region/start-region';
import { plaintextHeader } from '../integration/region/helpers';
import { nodesListJsonText } from '../../src-main/region/api/node-list-json';
import type { Bench, Figure } from './types';

let macSerial = 0;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** `n` nodes with one MAC each, straight into the stores (one transaction). */
export function seedNodes(region: RunningRegion, n: number, status: number, prefix: string): string[] {
  const core = region.core;
  return core.tx(() => Array.from({ length: n }, (_, i) => {
    const row = core.nodes.insert({ hostname: `${prefix}-${i}`, installable: true, status: status as 0, zoneId: 1, architecture: 'amd64/generic', cpuCount: 8, memory: 16384 });
    const m = macSerial++;
    core.nodes.addMac(row.id, `52:54:00:${[16, 8, 0].map((s) => ((m >> s) & 255).toString(16).padStart(2, '0')).join(':')}`);
    return row.system_id;
  }));
}

async function timed(region: RunningRegion, auth: string, path: string, form?: URLSearchParams): Promise<{ ms: number; bytes: number; status: number }> {
  const t0 = performance.now();
  const r = await fetch(`${region.url}${path}`, form
    ? { method: 'POST', body: form.toString(), headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' } }
    : { headers: { authorization: auth } });
  const body = Buffer.from(await r.arrayBuffer());
  return { ms: performance.now() - t0, bytes: body.length, status: r.status };
}

export const regionBench: Bench = {
  id: 'region',
  async run(): Promise<Figure[]> {
    const dir = mkdtempSync(join(tmpdir(), 'region-bench-'));
    const region = await startRegion({ dataDir: dir, keyStorage: 'file', log: () => undefined, tagEngine: null });
    try {
      const auth = plaintextHeader(region.createApiKey());
      const tag = region.core.tx(() => region.core.tags.insert({ name: 'bench', definition: '', comment: '', kernel_opts: '' }));
      const listIds = seedNodes(region, 10_000, S.READY, 'list');
      region.core.tx(() => listIds.forEach((id, i) => i % 2 === 0 && region.core.tags.addMember(tag.id, region.core.nodes.bySystemId(id)!.id)));
      await timed(region, auth, 'nodes/?op=list'); // warm-up
      const lists = [];
      for (let i = 0; i < 5; i++) lists.push(await timed(region, auth, 'nodes/?op=list'));
      if (lists[0].status !== 200) throw new Error(`list answered ${lists[0].status}`);

      // Server side alone: the handler's query + serialisation, wall and CPU time (CPU time
      // is less hurt by a busy shared machine).
      const walls: number[] = [];
      const cpus: number[] = [];
      for (let i = 0; i < 5; i++) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        nodesListJsonText(region.core.db, { installable: true });
        walls.push(performance.now() - t0);
        const c = process.cpuUsage(c0);
        cpus.push((c.user + c.system) / 1000);
      }

      const accepts = [];
      const releases = [];
      for (let round = 0; round < 3; round++) {
        const news = seedNodes(region, 1000, S.NEW, `acc${round}`);
        const a = await timed(region, auth, 'nodes/?op=accept', new URLSearchParams(news.map((id): [string, string] => ['nodes', id])));
        if (a.status !== 200) throw new Error(`accept answered ${a.status}`);
        accepts.push(a.ms);
        const allocated = seedNodes(region, 1000, S.ALLOCATED, `rel${round}`);
        const r = await timed(region, auth, 'nodes/?op=release', new URLSearchParams(allocated.map((id): [string, string] => ['nodes', id])));
        if (r.status !== 200) throw new Error(`release answered ${r.status}`);
        releases.push(r.ms);
      }
      return [
        { name: 'region nodes op=list, 10,000 nodes, unchanged since the last list (loopback round trip of the kept answer)', value: median(lists.map((l) => l.ms)), unit: 'ms', target: '< 150 ms' },
        { name: 'region nodes op=list, 10,000 nodes: server time (query + JSON)', value: median(walls), unit: 'ms', target: '< 150 ms' },
        { name: 'region nodes op=list, 10,000 nodes: server CPU time', value: median(cpus), unit: 'ms', target: '< 150 ms' },
        { name: 'region nodes op=list, 10,000 nodes: reply size', value: lists[0].bytes / 1024 / 1024, unit: 'MiB' },
        { name: 'region nodes op=accept, 1,000 nodes in one request (one transaction, 1,000 events)', value: median(accepts), unit: 'ms', target: '< 200 ms' },
        { name: 'region nodes op=release, 1,000 nodes in one request (one transaction, 1,000 events)', value: median(releases), unit: 'ms', target: '< 200 ms' },
      ];
    } finally {
      await region.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
