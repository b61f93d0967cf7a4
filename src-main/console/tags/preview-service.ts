// The live preview: a definition over every node whose details are cached, with MAAS's
// semantics (src-main/xpath runs libxml2 in worker threads, so the window never waits).
// One corpus, for the connection last previewed: switching connection reloads it from the
// cache. Matches stream to the renderer as `tags.preview.batch`; a newer preview cancels
// the older one (the corpus aborts it), which then ends as `cancelled`.
import type { Emit } from '../../ipc/dispatcher';
import type { PreviewStarted } from '../../../src-shared/contract/tags';
import { createPreviewCorpus, InvalidDefinitionError, type PreviewCorpus } from '../../xpath/index';
import type { CachedDetails, DetailsCache } from './details-cache';

export interface PreviewDeps {
  cache: DetailsCache;
  emit: Emit;
  /** Makes the corpus (tests pass one with a single worker). */
  corpus?: () => PreviewCorpus;
}

const isAbort = (e: unknown): boolean => e instanceof Error && e.name === 'AbortError';

export class PreviewService {
  readonly #d: PreviewDeps;
  #corpus: PreviewCorpus | null = null;
  #loadedFor: string | null = null;
  #running = new Map<string, AbortController>();

  constructor(d: PreviewDeps) {
    this.#d = d;
  }

  #corpusFor(connectionId: string): PreviewCorpus {
    this.#corpus ??= this.#d.corpus?.() ?? createPreviewCorpus();
    if (this.#loadedFor !== connectionId) {
      const docs = [];
      for (const d of this.#d.cache.allDetails(connectionId)) docs.push({ id: d.systemId, lshw: d.lshw, lldp: d.lldp });
      this.#corpus.set(docs);
      this.#loadedFor = connectionId;
    }
    return this.#corpus;
  }

  start(connectionId: string, definition: string, previewId: string): PreviewStarted {
    const corpus = this.#corpusFor(connectionId);
    const known = this.#d.cache.nodeCount(connectionId);
    const total = corpus.size;
    const controller = new AbortController();
    this.#running.set(previewId, controller);
    const { emit } = this.#d;
    corpus
      .evaluate(definition, {
        signal: controller.signal,
        onBatch: (matched, done, of) => emit('tags.preview.batch', { previewId, matched, done, total: of }),
      })
      .then(
        (matched) => {
          this.#running.delete(previewId);
          emit('tags.preview.end', { previewId, outcome: 'complete', matched, message: null });
        },
        (e: unknown) => {
          this.#running.delete(previewId);
          const outcome = isAbort(e) ? 'cancelled' : e instanceof InvalidDefinitionError ? 'invalid' : 'failed';
          const message = isAbort(e) ? null : e instanceof Error ? e.message : String(e);
          emit('tags.preview.end', { previewId, outcome, matched: [], message });
        },
      );
    return { previewId, total, unknown: Math.max(0, known - total) };
  }

  cancel(previewId: string): boolean {
    const controller = this.#running.get(previewId);
    controller?.abort();
    return controller !== undefined;
  }

  /** Details fetched for a node: the corpus of that connection takes them at once. */
  took(connectionId: string, d: CachedDetails): void {
    if (this.#loadedFor === connectionId) this.#corpus?.upsert({ id: d.systemId, lshw: d.lshw, lldp: d.lldp });
  }

  gone(connectionId: string, systemIds: string[]): void {
    if (this.#loadedFor !== connectionId) return;
    for (const id of systemIds) this.#corpus?.remove(id);
  }

  async close(): Promise<void> {
    for (const c of this.#running.values()) c.abort();
    await this.#corpus?.close();
  }
}
