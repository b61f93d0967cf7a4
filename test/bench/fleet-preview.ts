// The fleet's tag preview at real size: one definition over the kept details of three
// servers (40/30/30 % of the nodes, lshw of ~133 kB each, put into the one home of node
// details as the Tags view would), through the same FleetTagPreviewer the console uses.
// Figures: complete answer (per-server counts and nodes), the memory of the preview
// machinery, and the one-time load from the home. The reference is what MAAS does instead:
// each region rebuilding the tag (lxml parse + merge + evaluate), measured on the first
// LXML_NODES of the same nodes and scaled, as test/bench/xpath.bench.ts does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSettingsDb } from '../../src-main/connections/settings-db';
import { NodeDetailsStore } from '../../src-main/console/details/node-details-store';
import { FleetTagPreviewer, type FleetServerNodes } from '../../src-main/console/fleet/fleet-tag-preview';
import { createPreviewCorpus, type DocumentInput, type PreviewCorpus } from '../../src-main/xpath/index';
import { corpusNodes } from '../unit/xpath/corpus';
import { TYPICAL } from '../unit/xpath/definitions';
import { lxmlTiming } from '../integration/xpath/lxml-reference';
import type { Figure } from './types';

const REAL_SCALE = 9.5; // ≈ 133 kB of lshw per node
const LXML_NODES = 300;
const HEADLINE = TYPICAL[0];
const MiB = 1024 * 1024;
const SERVERS = [{ connectionId: 'local', name: 'This laptop', share: 4 }, { connectionId: 'dc-east', name: 'dc-east', share: 3 }, { connectionId: 'dc-west', name: 'dc-west', share: 3 }];
const say = (what: string) => process.stderr.write(`  fleet preview: ${what} (${new Date().toISOString().slice(11, 19)})\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function fleetPreviewFigures(nodes: number): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'fleet-preview-bench-'));
  const db = openSettingsDb(dir);
  const details = new NodeDetailsStore(db);
  const servers = SERVERS.map((s) => ({ connectionId: s.connectionId, name: s.name, hostnames: new Map<string, string>() })) satisfies FleetServerNodes[];
  const reference: DocumentInput[] = [];
  let corpus: PreviewCorpus | null = null;
  const previewer = new FleetTagPreviewer({ details, servers: () => servers, corpus: () => (corpus = createPreviewCorpus()) });
  try {
    let i = 0;
    db.transaction(() => {
      for (const doc of corpusNodes(nodes, { scale: REAL_SCALE, oddities: false, seed: 31 })) {
        const s = servers[i % 10 < 4 ? 0 : i % 10 < 7 ? 1 : 2];
        s.hostnames.set(doc.id, `node-${i}`);
        details.put(s.connectionId, { systemId: doc.id, lshw: doc.lshw ?? null, lldp: doc.lldp ?? null, fingerprint: 'f', fetchedAt: 't' });
        if (reference.length < LXML_NODES) reference.push(doc);
        i++;
      }
    })();
    say(`${nodes.toLocaleString()} real-size nodes kept for three servers`);
    const rssBefore = process.memoryUsage().rss;
    let t = performance.now();
    await previewer.warm();
    const loadSeconds = (performance.now() - t) / 1000;
    const first = await previewer.preview(HEADLINE); // warms up, trims the tables and builds the name index
    const memory = await corpus!.stats();
    const rss = process.memoryUsage().rss - rssBefore;
    const runs: number[] = [];
    for (let k = 0; k < 5; k++) { t = performance.now(); await previewer.preview(HEADLINE); runs.push(performance.now() - t); }
    say('preview measured; lxml reference');
    const lxml = await lxmlTiming([HEADLINE], reference);
    const scale = nodes / reference.length;
    const perServer = first.servers.map((s) => `${s.name} ${s.matched}/${s.previewed}`).join(', ');
    return [
      {
        name: `fleet tag preview: one definition over ${nodes.toLocaleString()} real-size nodes (~133 kB lshw) of 3 servers, complete with per-server matches, median of 5`,
        value: median(runs) / 1000, unit: 's', target: '≤ 0.25 s',
        reference: { name: `MAAS: each region's rebuild of the tag (lxml parse + merge + evaluate), summed (measured on the first ${reference.length} of the same nodes ×${scale.toFixed(1)}, extrapolated)`, value: lxml.seconds.rebuild_one * scale, unit: 's' },
        notes: `${HEADLINE}; matched ${perServer}; lxml matched ${lxml.matches[HEADLINE]} of ${reference.length}`,
      },
      {
        name: `fleet tag preview memory: shards + libxml2 heaps + worker V8 heaps (${nodes.toLocaleString()} nodes)`,
        value: (memory.tableBytes + memory.wasmBytes + memory.heapBytes) / MiB, unit: 'MiB', target: '≤ 1024 MiB',
        notes: `tables+details ${(memory.tableBytes / MiB).toFixed(0)} MiB, libxml2 ${(memory.wasmBytes / MiB).toFixed(0)} MiB, V8 ${(memory.heapBytes / MiB).toFixed(0)} MiB; process RSS grew ${(rss / MiB).toFixed(0)} MiB`,
      },
      { name: `fleet tag preview: loading every server's kept details from the home into the workers (once, ${nodes.toLocaleString()} nodes)`, value: loadSeconds, unit: 's' },
    ];
  } finally {
    await previewer.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
