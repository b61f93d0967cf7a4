// The live preview: a definition over every node whose details are kept, with MAAS's
// semantics (src-main/xpath runs libxml2 in worker threads, so the window never waits).
// One corpus, for the connection last previewed: switching connection reloads it from the
// details' home, whose changes (whoever fetched them) it follows. Matches stream to the renderer as `tags.preview.batch`; a newer preview cancels
// the older one (the corpus aborts it), which then ends as `cancelled`.
import type { Emit } from '../../ipc/dispatcher';
import { ConsoleFailure } from '../../../src-shared/contract/errors';
import type { PreviewStarted } from '../../../src-shared/contract/tags';
import { createPreviewCorpus, fillCorpus, InvalidDefinitionError, type DocumentInput, type PreviewCorpus } from '../../xpath/index';
import { detailPages, versionOf, type KeptDetails, type NodeDetailsStore } from '../details/node-details-store';
import { CorpusSaver } from './corpus-saver';
import { PreviewStore } from './preview-store';

export interface PreviewDeps {
  details: NodeDetailsStore;
  /** How many nodes the connection has (those without details are "not previewed"). */
  nodeCount: (connectionId: string) => number;
  emit: Emit;
  /** Makes the corpus (tests pass one with a single worker). */
  corpus?: () => PreviewCorpus;
  /** Where the built tables are saved between sessions; none: built anew each time. */
  storeDir?: string;
  /** How long after the last change the tables are saved (tests shorten it). */
  saveAfterMs?: number;
}

/** A change to the corpus is saved this long after the last one (details arrive in bursts). */
const SAVE_AFTER_MS = 5_000;

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
  readonly #store: PreviewStore | null;
  /** Versions of the details in the corpus (of #loadedFor), for saving it. */
  #versions = new Map<string, string>();
  readonly #saver: CorpusSaver | null;
  readonly #unlisten: () => void;

  constructor(d: PreviewDeps) {
    this.#d = d;
    const store = d.storeDir ? new PreviewStore(d.storeDir) : null;
    this.#saver = store && new CorpusSaver(() => {
      const connectionId = this.#loadedFor;
      if (this.#corpus === null || connectionId === null || this.#pending !== null) return null;
      return store.save(this.#corpus, connectionId, this.#versions);
    }, d.saveAfterMs ?? SAVE_AFTER_MS);
    this.#store = store;
    this.#unlisten = d.details.listen((connectionId, systemId, details) => {
      if (details) this.took(connectionId, details);
      else this.gone(connectionId, [systemId]);
    });
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
      const corpus = this.#corpus;
      await new Promise((resolve) => setImmediate(resolve)); // never load inside the caller's turn
      const versions = this.#d.details.versions(connectionId);
      const reopened = await this.#store?.reopen(corpus, connectionId, versions).catch(() => null) ?? null;
      if (this.#loadedFor !== connectionId) return corpus; // another connection took over
      if (reopened !== null) {
        for (const id of reopened.remove) corpus.remove(id);
        for (const id of reopened.load) {
          const d = this.#d.details.get(connectionId, id);
          if (d) corpus.upsert({ id, lshw: d.lshw, lldp: d.lldp });
        }
      } else await fillCorpus(corpus, this.#cachedPages(connectionId));
      if (this.#loadedFor !== connectionId) return corpus;
      this.#versions = versions;
      for (const [id, doc] of pending) {
        if (doc) corpus.upsert(doc);
        else corpus.remove(id);
      }
      if (this.#pending === pending) this.#pending = null;
      if (reopened === null || reopened.load.length + reopened.remove.length + pending.size > 0) this.#saveSoon();
      return corpus;
    })();
    this.#loading = loading;
    return loading;
  }

  /** Every cached document of a connection, a page at a time, until another connection takes over. */
  async *#cachedPages(connectionId: string): AsyncGenerator<DocumentInput[]> {
    const moved = (): boolean => this.#loadedFor !== connectionId;
    for await (const page of detailPages(this.#d.details, connectionId, PAGE, moved)) {
      yield page.map((d) => ({ id: d.systemId, lshw: d.lshw, lldp: d.lldp }));
    }
  }

  #saveSoon(): void {
    this.#saver?.soon();
  }

  async start(connectionId: string, definition: string, previewId: string): Promise<PreviewStarted> {
    const corpus = await this.warm(connectionId);
    if (this.#loadedFor !== connectionId) throw new ConsoleFailure('conflict', 'The preview moved to another connection meanwhile.');
    const known = this.#d.nodeCount(connectionId);
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
  took(connectionId: string, d: KeptDetails): void {
    if (this.#loadedFor !== connectionId) return;
    const doc = { id: d.systemId, lshw: d.lshw, lldp: d.lldp };
    this.#versions.set(d.systemId, versionOf(d));
    if (this.#pending) this.#pending.set(d.systemId, doc);
    else this.#corpus?.upsert(doc);
    this.#saveSoon();
  }

  gone(connectionId: string, systemIds: string[]): void {
    if (this.#loadedFor !== connectionId) return;
    for (const id of systemIds) {
      this.#versions.delete(id);
      if (this.#pending) this.#pending.set(id, null);
      else this.#corpus?.remove(id);
    }
    this.#saveSoon();
  }

  async close(): Promise<void> {
    this.#unlisten();
    await this.#saver?.close();
    for (const c of this.#running.values()) c.abort();
    await this.#corpus?.close();
  }
}
