// Fills an embedded region's data directory for the tags tests and the e2e: nodes with
// varied lshw (and some LLDP) grown from the shared fixture by the xpath corpus generator,
// and a few tags whose recorded membership deliberately disagrees with their definitions
// (so a preview has nodes that would gain and lose them). Written through the region's
// own stores in one transaction, before the region serves.
import type { DocumentInput } from '../../src-main/xpath/index';
import { createApiKey, openRegion } from '../../src-main/region/start-region';
import { NodeStatus } from '../../src-shared/maas/index';
import { generateCorpus } from '../unit/xpath/corpus';

export interface SeededTags {
  apiKey: string;
  nodes: { systemId: string; hostname: string }[];
  /** Each node's details as stored, keyed by system id (for the lxml reference). */
  docs: DocumentInput[];
}

export const SEEDED_TAGS = {
  /** Defined by vendor; recorded on the first third of the nodes, whatever their CPUs. */
  amd: { name: 'amd-cpu', definition: '//node[@class="processor"]/vendor = "Advanced Micro Devices [AMD]"', comment: 'AMD processors', kernel_opts: '' },
  /** A manual tag (empty definition). */
  rack: { name: 'rack-a', definition: '', comment: 'Row A, hand-picked', kernel_opts: 'console=ttyS0,115200' },
  ssd: { name: 'ssd', definition: '//node[@class="disk" and contains(description, "SSD")]', comment: '', kernel_opts: '' },
};

export async function seedRegionTags(dataDir: string, o: { nodes: number; seed?: number; scale?: number; oddities?: boolean }): Promise<SeededTags> {
  const details = generateCorpus(o.nodes, { seed: o.seed ?? 11, scale: o.scale ?? 1, oddities: o.oddities ?? true });
  const r = await openRegion({ dataDir, keyStorage: 'file', tagEngine: null, log: () => undefined });
  try {
    const core = r.core;
    const zone = core.zones.byName('default')!;
    const seeded = core.tx(() => {
      const rows = details.map((d, i) => {
        const n = core.nodes.insert({ hostname: `node-${String(i + 1).padStart(4, '0')}`, installable: true, status: NodeStatus.READY,
          zoneId: zone.id, architecture: 'amd64/generic', cpuCount: 4, memory: 8192 });
        const text = (s: string | null | undefined) => (s === null || s === undefined ? null : Buffer.from(s, 'utf8'));
        if (d.lshw !== undefined || d.lldp !== undefined) core.details.set(n.id, text(d.lshw), text(d.lldp));
        return { id: n.id, systemId: n.system_id, hostname: n.hostname, d };
      });
      const amd = core.tags.insert(SEEDED_TAGS.amd);
      const rack = core.tags.insert(SEEDED_TAGS.rack);
      core.tags.insert(SEEDED_TAGS.ssd);
      rows.forEach((row, i) => {
        if (i < rows.length / 3) core.tags.addMember(amd.id, row.id);
        if (i % 5 === 0) core.tags.addMember(rack.id, row.id);
      });
      return rows;
    });
    return {
      apiKey: createApiKey(core),
      nodes: seeded.map(({ systemId, hostname }) => ({ systemId, hostname })),
      docs: seeded.map(({ systemId, d }) => ({ id: systemId, lshw: d.lshw ?? null, lldp: d.lldp ?? null })),
    };
  } finally {
    r.close();
  }
}
