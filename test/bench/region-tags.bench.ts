// The region's tag rebuild over 5,000 nodes of real-size lshw (~133 kB, stored in SQLite),
// on its tag index (src-main/region/tags/tag-index.ts), beside MAAS's own rebuild of the
// same definition (python3-lxml: parse + merge + evaluate every node,
// test/integration/xpath/lxml_reference.py) in the same run:
//  - the first rebuild after the region starts with no saved index (every node parsed once);
//  - a tag created afterwards (the index is current: nothing parsed) — the figure MAAS's
//    rebuild is compared with;
//  - the first rebuild after a restart (the index reopened from tag-index.bin).
// lxml is measured on the first 1,000 of the same documents (kept as they are stored, not
// generated twice) and scaled; the reference's name says "extrapolated". Knobs for shorter
// runs: REGION_TAGS_BENCH_NODES=5000, REGION_TAGS_LXML_NODES=1000.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeStatus as S } from '../../src-shared/maas/index';
import { startRegion, type RunningRegion } from '../../src-main/region/start-region';
import { corpusNodes } from '../unit/xpath/corpus';
import type { DocumentInput } from '../../src-main/xpath/index';
import { lxmlTiming } from '../integration/xpath/lxml-reference';
import type { Bench } from './types';

const say = (what: string) => process.stderr.write(`  region-tags: ${what} (${new Date().toISOString().slice(11, 19)})\n`);

const NODES = Number(process.env.REGION_TAGS_BENCH_NODES ?? 5000);
const LXML_NODES = Math.min(Number(process.env.REGION_TAGS_LXML_NODES ?? 1000), NODES);
const REAL_SCALE = 9.5;
const FIRST = '//node[@class="processor" and contains(product, "EPYC")]';
const SECOND = '//node[@class="network"]/vendor = "Intel Corporation"';

async function rebuild(region: RunningRegion, name: string, definition: string): Promise<{ seconds: number; members: number }> {
  const core = region.core;
  const tag = core.tx(() => core.tags.insert({ name, definition, comment: '', kernel_opts: '' }));
  const started = performance.now();
  core.rebuilder!.tag(tag.id);
  await core.rebuilder!.idle();
  return { seconds: (performance.now() - started) / 1000, members: core.tags.memberIds(tag.id).size };
}

export const regionTagsBench: Bench = {
  id: 'region-tags',
  async run(report) {
    const dir = mkdtempSync(join(tmpdir(), 'region-tags-bench-'));
    const start = () => startRegion({ dataDir: dir, keyStorage: 'file', log: () => undefined });
    let region = await start();
    try {
      let bytes = 0;
      const core = region.core;
      let i = 0;
      const sample: DocumentInput[] = [];
      say(`storing ${NODES} real-size nodes`);
      for (const d of corpusNodes(NODES, { scale: REAL_SCALE, oddities: false, seed: 31 })) {
        bytes += d.lshw?.length ?? 0;
        if (sample.length < LXML_NODES) sample.push(d);
        core.tx(() => {
          const n = core.nodes.insert({ hostname: `t-${i++}`, installable: true, status: S.READY, zoneId: 1 });
          core.details.set(n.id, d.lshw ? Buffer.from(d.lshw) : null, d.lldp ? Buffer.from(d.lldp) : null);
        });
      }
      const size = `${NODES} nodes, lshw ≈ ${(bytes / NODES / 1024).toFixed(0)} kB each, from SQLite`;
      say('first rebuild, no saved index');
      const cold = await rebuild(region, 'first', FIRST);
      const warm = await rebuild(region, 'second', SECOND);
      await region.close(); // saves the index
      say('restarted');
      region = await start();
      const reopened = await rebuild(region, 'third', FIRST);

      say(`lxml reference on ${LXML_NODES} of the same nodes`);
      const ref = await lxmlTiming([SECOND, FIRST], sample);
      const scale = NODES / LXML_NODES;
      const scaled = scale === 1 ? `${NODES} nodes` : `measured on ${LXML_NODES} of the same nodes ×${scale.toFixed(1)}, extrapolated`;
      const maas = { name: `MAAS's rebuild of one tag (python3-lxml parse + merge + evaluate; ${scaled})`, value: ref.seconds.rebuild_one * scale, unit: 's' };
      const check = ref.matches[SECOND] * scale;
      report({ name: `region rebuild of a new tag, index current (${size}; ${warm.members} tagged)`, value: warm.seconds, unit: 's', reference: maas, target: '≤ 0.1× MAAS', notes: `${SECOND}; lxml matched ${ref.matches[SECOND]} of ${LXML_NODES} (≈${check.toFixed(0)} at ${NODES})` });
      report({ name: `region's first rebuild with no saved index (every node parsed once into the index; ${cold.members} tagged)`, value: cold.seconds, unit: 's', reference: maas });
      report({ name: 'region restarted: index reopened from tag-index.bin, then the rebuild', value: reopened.seconds, unit: 's', reference: maas, notes: 'includes starting the XPath worker threads (tsx from sources here)' });
    } finally {
      await region.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
