// Tag evaluation (src-main/xpath) against MAAS's own, python3-lxml, in the same run:
//  1. the live preview of one definition over 5,000 and 20,000 nodes of real-size lshw
//     (~135 kB): time to complete, to first results, the memory of the whole preview
//     machinery, and the cold Tags view (the saved tables reopened, first complete preview);
//  2. all ~30 MAAS-style definitions over 5,000 nodes of ~18 kB (the fixture's size);
//  3. the region's one-shot rebuild (createTagMatcher) of one tag over those 5,000 nodes.
// Documents come from test/unit/xpath/corpus.ts (the fixture's own subtrees, replicated
// with varied values). lxml at real size is measured on 1,000 nodes and scaled to 5,000
// (it holds ~3.4 GiB per 1,000 such trees); the notes say so.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPreviewCorpus, createTagMatcher, loadCorpus, saveCorpus, type PreviewCorpus } from '../../src-main/xpath/index';
import { corpusNodes, generateCorpus } from '../unit/xpath/corpus';
import { TYPICAL } from '../unit/xpath/definitions';
import { lxmlTiming } from '../integration/xpath/lxml-reference';
import type { Bench, Figure } from './types';

const NODES = 5000;
/** Real-size preview corpora measured (XPATH_BENCH_SIZES=5000 for a shorter run). */
const REAL_SIZES = (process.env.XPATH_BENCH_SIZES ?? '5000,20000').split(',').map(Number);
const REAL_SCALE = 9.5; // ≈ 133 kB of lshw per node
const SMALL_SCALE = 0.25; // ≈ 18 kB, the fixture's size
const LXML_REAL_NODES = 1000;
const HEADLINE = TYPICAL[0];
const MiB = 1024 * 1024;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** One evaluation: time to the first streamed batch, to completion, and the matches. */
async function timeEvaluation(corpus: PreviewCorpus, definition: string): Promise<{ first: number; complete: number; ids: string[] }> {
  const started = performance.now();
  let first = NaN;
  const ids = await corpus.evaluate(definition, {
    onBatch: () => {
      if (Number.isNaN(first)) first = performance.now() - started;
    },
  });
  return { first, complete: performance.now() - started, ids };
}

/** The saved corpus reopened as the Tags view does when it opens: file → workers → first complete preview. */
async function reopenSaved(corpus: PreviewCorpus, nodes: number): Promise<Figure> {
  const dir = mkdtempSync(join(tmpdir(), 'xpath-bench-saved-'));
  const file = join(dir, 'corpus.bin');
  try {
    await saveCorpus(file, { snapshot: await corpus.snapshot(), versions: {} });
    const reopened = createPreviewCorpus();
    try {
      const started = performance.now();
      const saved = await loadCorpus(file);
      if (saved === null || !(await reopened.restore(saved.snapshot))) throw new Error('saved corpus did not reopen');
      const run = await timeEvaluation(reopened, HEADLINE);
      return {
        name: `cold Tags view: saved tables reopened → first complete preview (${nodes} real-size nodes)`,
        value: (performance.now() - started) / 1000,
        unit: 's',
        target: '≤ 2 s',
        notes: `file ${(statSync(file).size / MiB).toFixed(0)} MiB; the preview itself ${(run.complete / 1000).toFixed(2)} s`,
      };
    } finally {
      await reopened.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function realSizePreview(NODES: number): Promise<Figure[]> {
  const rssBefore = process.memoryUsage().rss;
  const corpus = createPreviewCorpus();
  let bytes = 0;
  const loadStarted = performance.now();
  try {
    // Generated and handed over one by one: the bench keeps no copy of 650 MB of text.
    for (const doc of corpusNodes(NODES, { scale: REAL_SCALE, oddities: false, seed: 21 })) {
      bytes += doc.lshw?.length ?? 0;
      corpus.upsert(doc);
    }
    await corpus.stats(); // answered once every shard has loaded its nodes
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const kb = bytes / NODES / 1024;
    await timeEvaluation(corpus, HEADLINE); // warms up, trims the tables and builds the name index
    const memory = await corpus.stats();
    const rss = process.memoryUsage().rss - rssBefore;
    const runs = [];
    for (let i = 0; i < 5; i++) runs.push(await timeEvaluation(corpus, HEADLINE));
    const typical = [];
    for (const definition of TYPICAL) typical.push(await timeEvaluation(corpus, definition));
    const matches = runs[0].ids.length;
    const cold = await reopenSaved(corpus, NODES);

    const reference = await lxmlTiming([HEADLINE], generateCorpus(Math.min(LXML_REAL_NODES, NODES), { scale: REAL_SCALE, oddities: false, seed: 21 }));
    const scale = NODES / Math.min(LXML_REAL_NODES, NODES);
    const lxmlMatches = reference.matches[HEADLINE] * scale;
    const size = `${NODES} nodes, lshw ≈ ${kb.toFixed(0)} kB each`;
    const lxmlNote = `lxml measured on the first ${LXML_REAL_NODES} of the same nodes ×${scale} (it matched ${reference.matches[HEADLINE]}; we matched ${matches} of ${NODES})`;
    return [
      {
        name: `preview of one definition, complete (${size}; median of 5)`,
        value: median(runs.map((r) => r.complete)) / 1000,
        unit: 's',
        reference: { name: "MAAS's rebuild of one tag (lxml parse + merge + evaluate)", value: reference.seconds.rebuild_one * scale, unit: 's' },
        target: '≤ 0.25 s',
        notes: `${HEADLINE}; ${lxmlNote}`,
      },
      {
        name: 'same, against lxml evaluating pre-parsed trees',
        value: median(runs.map((r) => r.complete)) / 1000,
        unit: 's',
        reference: { name: 'lxml, pre-parsed trees', value: reference.seconds.evaluate[HEADLINE] * scale, unit: 's' },
        notes: lxmlNote,
      },
      {
        name: `preview of one definition, first results (${size}; median of 5)`,
        value: median(runs.map((r) => r.first)),
        unit: 'ms',
        target: '≤ 50 ms',
      },
      {
        name: `preview, each of the ${TYPICAL.length} typical definitions (${size}): median complete`,
        value: median(typical.map((r) => r.complete)) / 1000,
        unit: 's',
        notes: `slowest ${(Math.max(...typical.map((r) => r.complete)) / 1000).toFixed(2)} s; first results median ${median(typical.map((r) => r.first)).toFixed(0)} ms`,
      },
      {
        name: `preview memory: shards (tables, index, deflated details) + libxml2 heaps + worker V8 heaps (${size})`,
        value: (memory.tableBytes + memory.wasmBytes + memory.heapBytes) / MiB,
        unit: 'MiB',
        target: '≤ 1024 MiB',
        notes: `tables+details ${(memory.tableBytes / MiB).toFixed(0)} MiB, libxml2 ${(memory.wasmBytes / MiB).toFixed(0)} MiB, V8 ${(memory.heapBytes / MiB).toFixed(0)} MiB; process RSS grew ${(rss / MiB).toFixed(0)} MiB`,
      },
      {
        name: `preview corpus load (${size}, in the workers)`,
        value: loadSeconds,
        unit: 's',
        notes: 'once per corpus; a changed node is one upsert',
      },
      cold,
    ];
  } finally {
    await corpus.close();
  }
}

async function allDefinitions(): Promise<Figure[]> {
  const docs = generateCorpus(NODES, { scale: SMALL_SCALE, oddities: false, seed: 22 });
  const kb = docs.reduce((n, d) => n + (d.lshw?.length ?? 0), 0) / NODES / 1024;
  const size = `${NODES} nodes, lshw ≈ ${kb.toFixed(0)} kB each`;
  const corpus = createPreviewCorpus();
  const ours = new Map<string, { seconds: number; matches: number }>();
  let loadSeconds: number;
  try {
    const loadStarted = performance.now();
    corpus.set(docs);
    await corpus.stats();
    loadSeconds = (performance.now() - loadStarted) / 1000;
    for (const definition of TYPICAL) {
      const run = await timeEvaluation(corpus, definition);
      ours.set(definition, { seconds: run.complete / 1000, matches: run.ids.length });
    }
  } finally {
    await corpus.close();
  }
  const matcher = createTagMatcher();
  let rebuildSeconds: number;
  try {
    const started = performance.now();
    await matcher.match(HEADLINE, docs);
    rebuildSeconds = (performance.now() - started) / 1000;
  } finally {
    await matcher.close();
  }
  const reference = await lxmlTiming(TYPICAL, docs);
  for (const [definition, mine] of ours) {
    if (reference.matches[definition] !== mine.matches) {
      throw new Error(`${definition}: we matched ${mine.matches}, lxml ${reference.matches[definition]}`);
    }
  }
  const total = [...ours.values()].reduce((s, r) => s + r.seconds, 0);
  const lxmlTotal = TYPICAL.reduce((s, d) => s + reference.seconds.evaluate[d], 0);
  const ratios = TYPICAL.map((d) => reference.seconds.evaluate[d] / (ours.get(d)?.seconds ?? NaN));
  const perDefinition = TYPICAL.map((d, i) => `${ratios[i].toFixed(0)}× ${d}`).join(' | ');
  return [
    {
      name: `all ${TYPICAL.length} typical definitions, preview corpus (${size})`,
      value: total,
      unit: 's',
      reference: { name: 'lxml on pre-parsed trees, same definitions', value: lxmlTotal, unit: 's' },
      target: '≤ 23 s, aim ≤ 8 s',
      notes: `median ratio per definition ${median(ratios).toFixed(0)}×; corpus load ${loadSeconds.toFixed(1)} s (not included); per definition: ${perDefinition}`,
    },
    {
      name: `all ${TYPICAL.length} definitions, against MAAS's rebuild of each tag`,
      value: total,
      unit: 's',
      reference: { name: "MAAS's rebuild (lxml parse + merge + evaluate) of one tag ×31", value: reference.seconds.rebuild_one * TYPICAL.length, unit: 's' },
    },
    {
      name: `one-shot rebuild of one tag, createTagMatcher (${size}, load + evaluate)`,
      value: rebuildSeconds,
      unit: 's',
      reference: { name: "MAAS's rebuild of one tag", value: reference.seconds.rebuild_one, unit: 's' },
      notes: HEADLINE,
    },
  ];
}

export const xpathBench: Bench = {
  id: 'xpath',
  async run() {
    const figures: Figure[] = [];
    for (const nodes of REAL_SIZES) figures.push(...(await realSizePreview(nodes)));
    return [...figures, ...(await allDefinitions())];
  },
};
