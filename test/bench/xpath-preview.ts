// Timing helpers of the tag preview benches: one evaluation's first-batch and complete
// times, and the cold Tags view (the saved tables reopened in fresh workers).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createPreviewCorpus, loadCorpus, saveCorpus, type PreviewCorpus } from '../../src-main/xpath/index';
import { TYPICAL } from '../unit/xpath/definitions';
import { bundle, bundleDir, repoRoot } from '../support/bundled-node';
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

/** The XPath folder bundled as electron-vite builds the app: workers start as they do there, not through tsx. */
async function bundledPreview(dir: string): Promise<typeof createPreviewCorpus> {
  await bundle(dir, { index: join(repoRoot, 'src-main/xpath/index.ts'), 'xpath-worker': join(repoRoot, 'src-main/xpath/xpath-worker.ts') });
  const built = (await import(pathToFileURL(join(dir, 'index.js')).href)) as { createPreviewCorpus: typeof createPreviewCorpus };
  return built.createPreviewCorpus;
}

/**
 * The saved corpus reopened as the Tags view does when it opens: workers started, file read,
 * tables restored, first complete preview. The workers are the bundled ones the app runs.
 */
export async function reopenSaved(corpus: PreviewCorpus, nodes: number): Promise<Figure> {
  const dir = mkdtempSync(join(tmpdir(), 'xpath-bench-saved-'));
  const bundleAt = bundleDir('xpath-bench-bundle-');
  const file = join(dir, 'corpus.bin');
  try {
    const savedAt = performance.now();
    await saveCorpus(file, { snapshot: await corpus.snapshot(), versions: {} });
    const saveSeconds = (performance.now() - savedAt) / 1000;
    const create = await bundledPreview(bundleAt);
    const started = performance.now();
    const reopened = create();
    try {
      await reopened.stats();
      const workersAt = performance.now();
      const saved = await loadCorpus(file);
      const readAt = performance.now();
      if (saved === null || !(await reopened.restore(saved.snapshot))) throw new Error('saved corpus did not reopen');
      const restoredAt = performance.now();
      const run = await timeEvaluation(reopened, HEADLINE);
      const ms = (from: number, to: number) => `${(to - from).toFixed(0)} ms`;
      return {
        name: `cold Tags view: workers started, saved tables reopened → first complete preview (${nodes} real-size nodes)`,
        value: (performance.now() - started) / 1000,
        unit: 's',
        target: '≤ 2 s',
        notes: `bundled workers as the app runs them: started ${ms(started, workersAt)}, file header read ${ms(workersAt, readAt)} ` +
          `(file ${(statSync(file).size / MiB).toFixed(0)} MiB, saved in ${saveSeconds.toFixed(1)} s), shards read and restored by the workers ${ms(readAt, restoredAt)}, ` +
          `first preview ${run.complete.toFixed(0)} ms`,
      };
    } finally {
      await reopened.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(bundleAt, { recursive: true, force: true });
  }
}
