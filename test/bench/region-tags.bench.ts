// The region's background rebuild of one tag over 5,000 nodes' lshw (read from SQLite,
// evaluated in the XPath workers, applied in one transaction), side by side with MAAS's
// own rebuild of the same definition on the same documents (python3-lxml: parse + merge +
// evaluate every node, test/integration/xpath/lxml_reference.py).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeStatus as S } from '../../src-shared/maas/index';
import { startRegion } from '../../src-main/region/start-region';
import { generateCorpus } from '../unit/xpath/corpus';
import { lxmlTiming } from '../integration/xpath/lxml-reference';
import type { Bench, Figure } from './types';

const NODES = 5000;
const DEFINITION = '//node[@class="processor" and contains(product, "EPYC")]';

export const regionTagsBench: Bench = {
  id: 'region-tags',
  async run(): Promise<Figure[]> {
    const docs = generateCorpus(NODES, { oddities: false });
    const kb = docs.reduce((n, d) => n + (d.lshw?.length ?? 0), 0) / docs.length / 1024;
    const dir = mkdtempSync(join(tmpdir(), 'region-tags-bench-'));
    const region = await startRegion({ dataDir: dir, keyStorage: 'file', log: () => undefined });
    try {
      const core = region.core;
      const tag = core.tx(() => {
        docs.forEach((d, i) => {
          const n = core.nodes.insert({ hostname: `t-${i}`, installable: true, status: S.READY, zoneId: 1 });
          core.details.set(n.id, d.lshw ? Buffer.from(d.lshw) : null, d.lldp ? Buffer.from(d.lldp) : null);
        });
        return core.tags.insert({ name: 'epyc', definition: DEFINITION, comment: '', kernel_opts: '' });
      });
      const t0 = performance.now();
      core.rebuilder!.tag(tag.id);
      await core.rebuilder!.idle();
      const seconds = (performance.now() - t0) / 1000;
      const members = core.tags.memberIds(tag.id).size;
      const ref = await lxmlTiming([DEFINITION], docs);
      const refMatches = ref.matches[DEFINITION];
      if (refMatches !== members) throw new Error(`region tagged ${members} nodes, lxml matched ${refMatches}`);
      return [{
        name: `region rebuild of one tag over ${NODES} nodes (lshw ≈ ${kb.toFixed(0)} kB each, from SQLite, ${members} tagged)`,
        value: seconds, unit: 's',
        reference: { name: "MAAS's rebuild (python3-lxml parse + merge + evaluate)", value: ref.seconds.rebuild_one, unit: 's' },
      }];
    } finally {
      await region.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
