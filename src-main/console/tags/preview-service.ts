// The live preview: a definition over every node whose details are cached, with MAAS's
// semantics (src-main/xpath runs libxml2 in worker threads, so the window never waits).
// One corpus, for the connection last previewed: switching connection reloads it from the
// cache. Matches stream to the renderer as `tags.preview.batch`; a newer preview cancels
// the older one (the corpus aborts it), which then ends as `cancelled`.
import type { Emit } from '../../ipc/dispatcher';
import { ConsoleFailure } from '../../../src-shared/contract/errors';
import type { PreviewStarted } from '../../../src-shared/contract/tags';
import { createPreviewCorpus, InvalidDefinitionError, type DocumentInput, type PreviewCorpus } from '../../xpath/index';
import type { CachedDetails, DetailsCache } from './details-cache';

export interface PreviewDeps {
  cache: DetailsCache;
  emit: Emit;
  /** Makes the corpus (tests pass one with a single worker). */
  corpus?: () => PreviewCorpus;
}

/** Cached documents read per page while loading the corpus. */
const PAGE = 250;

const isAbort = (e: unknown): boolean => e instanceof Error && e.name === 'AbortError';

export class PreviewService {
  readonly #d: PreviewDeps;
  #corpus: PreviewCorpus | null = null;
  #loadedFor: string | null = null;
  #loading: Promise<PreviewCorpus> | null = null;
  /** Details that arrived (or left) while the corpus was loading: applied once it is set. */
  #pending: Map<string, DocumentInput | null> | null = null;
  #running = new Map<string, AbortController>();

  constructor(d: PreviewDeps) {
    this.#d = d;
  }

  /**
   * Loads a connection's cached details into the corpus (the workers then build their
   * tables, which takes seconds at thousands of nodes), so the first keystroke does not
   * wait for it. Called when the tags view opens; read a page at a time with a yield
   * between pages, so the main process keeps answering meanwhile.
   */
  warm(connectionId: string): Promise<PreviewCorpus> {
    if (this.#loadedFor === connectionId && this.#loading) return this.#loading;
    this.#loadedFor = connectionId;
    const pending = new Map<string, DocumentInput | null>();
    this.#pending = pending;
    const loading = (async () => {
      this.#corpus ??= this.#d.corpus?.() ?? createPreviewCorpus();
      const docs: DocumentInput[] = [];
      await new Promise((resolve) => setImmediate(resolve)); // never load inside the caller's turn
      for (let after = ''; ;) {
        const page = this.#d.cache.detailsPage(connectionId, after, PAGE);
        for (const d of page) docs.push({ id: d.systemId, lshw: d.lshw, lldp: d.lldp });
        if (page.length < PAGE) break;
        after = page[page.length - 1].systemId;
        await new Promise((resolve) => setImmediate(resolve));
        if (this.#loadedFor !== connectionId) break; // another connection took over
      }
      if (this.#loadedFor === connectionId) {
        this.#corpus.set(docs);
        for (const [id, doc] of pending) {
          if (doc) this.#corpus.upsert(doc);
          else this.#corpus.remove(id);
        }
        if (this.#pending === pending) this.#pending = null;
      }
      return this.#corpus;
    })();
    this.#loading = loading;
    return loading;
  }

  async start(connectionId: string, definition: string, previewId: string): Promise<PreviewStarted> {
    const corpus = await this.warm(connectionId);
    if (this.#loadedFor !== connectionId) throw new ConsoleFailure('conflict', 'The preview moved to another connection meanwhile.');
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
    if (this.#loadedFor !== connectionId) return;
    const doc = { id: d.systemId, lshw: d.lshw, lldp: d.lldp };
    if (this.#pending) this.#pending.set(d.systemId, doc);
    else this.#corpus?.upsert(doc);
  }

  gone(connectionId: string, systemIds: string[]): void {
    if (this.#loadedFor !== connectionId) return;
    for (const id of systemIds) {
      if (this.#pending) this.#pending.set(id, null);
      else this.#corpus?.remove(id);
    }
  }

  async close(): Promise<void> {
    for (const c of this.#running.values()) c.abort();
    await this.#corpus?.close();
  }
}
