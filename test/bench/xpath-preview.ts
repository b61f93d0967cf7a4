// Timing helpers of the tag preview benches: one evaluation's first-batch and complete
// times, and the cold Tags view (the saved tables reopened in fresh workers).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPreviewCorpus, loadCorpus, saveCorpus, type PreviewCorpus } from '../../src-main/xpath/index';
import { TYPICAL } from '../unit/xpath/definitions';
import type { Figure } from './types';

export const HEADLINE = TYPICAL[0];
const MiB = 1024 * 1024;

export const say = (bench: string, what: string) => process.stderr.write(`  ${bench}: ${what} (${new Date().toISOString().slice(11, 19)})\n`);

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** One evaluation: time to the first streamed batch, to completion, and the matches. */
export async function timeEvaluation(corpus: PreviewCorpus, definition: string): Promise<{ first: number; complete: number; ids: string[] }> {
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
export async function reopenSaved(corpus: PreviewCorpus, nodes: number): Promise<Figure> {
  const dir = mkdtempSync(join(tmpdir(), 'xpath-bench-saved-'));
  const file = join(dir, 'corpus.bin');
  try {
    const savedAt = performance.now();
    await saveCorpus(file, { snapshot: await corpus.snapshot(), versions: {} });
    const saveSeconds = (performance.now() - savedAt) / 1000;
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
        notes: `file ${(statSync(file).size / MiB).toFixed(0)} MiB, saved in ${saveSeconds.toFixed(1)} s; the preview itself ${(run.complete / 1000).toFixed(2)} s; includes starting the XPath worker threads (tsx from sources here)`,
      };
    } finally {
      await reopened.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
