// A tag definition over every server's kept details at once: "which nodes, on which servers,
// would this match". One preview corpus (src-main/xpath, MAAS's semantics, worker threads)
// holds every connection's nodes under ids that carry the connection; it is loaded from the
// details' home the first time it is asked, then follows the home's changes, so a keystroke
// costs only the evaluation. Made on first use: a console that never previews across
// servers starts no workers for it. Its built tables are saved (as the Tags view's are), so
// the next session reopens them and loads only the nodes whose details changed since.
import { ConsoleFailure } from '../../../src-shared/contract/errors';
import type { FleetTagMatch, FleetTagPreview, FleetTagPreviewServer } from '../../../src-shared/contract/fleet';
import { createPreviewCorpus, fillCorpus, InvalidDefinitionError, type DocumentInput, type PreviewCorpus } from '../../xpath/index';
import { detailPages, versionOf, type KeptDetails, type NodeDetailsStore } from '../details/node-details-store';
import { CorpusSaver } from '../tags/corpus-saver';
import { PreviewStore } from '../tags/preview-store';

export interface FleetServerNodes {
  connectionId: string;
  name: string;
  /** system id → hostname of the nodes as last read. */
  hostnames: ReadonlyMap<string, string>;
}

export interface FleetTagPreviewDeps {
  details: Pick<NodeDetailsStore, 'listen' | 'page' | 'connections' | 'versions' | 'get'>;
  /** Every connection now, with its nodes. */
  servers: () => FleetServerNodes[];
  corpus?: () => PreviewCorpus;
  /** Where the built tables are saved between sessions; none: built anew each time. */
  storeDir?: string;
  /** How long after the last change the tables are saved (tests shorten it). */
  saveAfterMs?: number;
}

// A connection id never holds a NUL (ids are validated names), so the pair splits back exactly.
const SEP = '\u0000';
const idOf = (connectionId: string, systemId: string) => `${connectionId}${SEP}${systemId}`;
const split = (id: string): [string, string] => { const i = id.indexOf(SEP); return [id.slice(0, i), id.slice(i + 1)]; };
const docOf = (connectionId: string, d: KeptDetails): DocumentInput => ({ id: idOf(connectionId, d.systemId), lshw: d.lshw, lldp: d.lldp });

/** Details read per page while loading (a yield between pages keeps main answering). */
const PAGE = 250;
const DEFAULT_LIMIT = 200;
const SAVE_AFTER_MS = 5_000;
/** The saved fleet corpus's key in the store: a connection id never holds a NUL. */
const FLEET_KEY = `${SEP}fleet`;
/** One collator for every sort: localeCompare with options builds one per comparison. */
const byHostname = new Intl.Collator(undefined, { numeric: true });

export class FleetTagPreviewer {
  readonly #d: FleetTagPreviewDeps;
  #corpus: PreviewCorpus | null = null;
  #loading: Promise<PreviewCorpus> | null = null;
  /** Changes heard while loading: applied once loaded. */
  #pending: Map<string, DocumentInput | null> | null = null;
  /** Documents per connection in the corpus. */
  readonly #ids = new Map<string, Set<string>>();
  #running: AbortController | null = null;
  readonly #unlisten: () => void;
  readonly #store: PreviewStore | null;
  readonly #saver: CorpusSaver | null;
  /** Versions of the details in the corpus, by corpus id, for saving it. */
  readonly #versions = new Map<string, string>();

  constructor(d: FleetTagPreviewDeps) {
    this.#d = d;
    const store = d.storeDir ? new PreviewStore(d.storeDir) : null;
    this.#store = store;
    this.#saver = store && new CorpusSaver(
      () => (this.#corpus === null || this.#pending !== null ? null : store.save(this.#corpus, FLEET_KEY, this.#versions)),
      d.saveAfterMs ?? SAVE_AFTER_MS);
    this.#unlisten = d.details.listen((connectionId, systemId, details) => {
      if (this.#loading === null) return; // not loaded yet: the load reads the home as it is then
      const id = idOf(connectionId, systemId);
      const doc = details ? docOf(connectionId, details) : null;
      if (details) this.#versions.set(id, versionOf(details));
      else this.#versions.delete(id);
      if (this.#pending) this.#pending.set(id, doc);
      else this.#apply(id, doc);
      this.#saver?.soon();
    });
  }

  #apply(id: string, doc: DocumentInput | null): void {
    const [c, systemId] = split(id);
    let ids = this.#ids.get(c);
    if (!ids) this.#ids.set(c, (ids = new Set()));
    if (doc) { this.#corpus!.upsert(doc); ids.add(systemId); }
    else if (ids.delete(systemId)) this.#corpus!.remove(id);
  }

  /** Loads every connection's kept details into the corpus (once), its workers ready. */
  warm(): Promise<PreviewCorpus> {
    this.#loading ??= (async () => {
      const corpus = this.#d.corpus?.() ?? createPreviewCorpus();
      this.#pending = new Map();
      const details = this.#d.details;
      const ids = this.#ids;
      for (const c of details.connections()) {
        const held = new Set<string>();
        ids.set(c, held);
        for (const [systemId, version] of details.versions(c)) { held.add(systemId); this.#versions.set(idOf(c, systemId), version); }
      }
      const reopened = await this.#store?.reopen(corpus, FLEET_KEY, this.#versions).catch(() => null) ?? null;
      if (reopened !== null) {
        for (const id of reopened.remove) corpus.remove(id);
        for (const id of reopened.load) {
          const [c, systemId] = split(id);
          const d = details.get(c, systemId);
          if (d) corpus.upsert(docOf(c, d));
        }
        await corpus.stats(); // the workers have taken every change: the first keystroke waits for evaluation only
      } else {
        // Filling waits for the workers to build their tables, so the first keystroke waits
        // for evaluation only.
        await fillCorpus(corpus, (async function* () {
          for (const c of ids.keys()) {
            for await (const page of detailPages(details, c, PAGE)) yield page.map((d) => docOf(c, d));
          }
        })());
      }
      if (reopened === null || reopened.load.length + reopened.remove.length > 0) this.#saver?.soon();
      this.#corpus = corpus;
      for (const [id, doc] of this.#pending) this.#apply(id, doc);
      this.#pending = null;
      return corpus;
    })();
    return this.#loading;
  }

  /** What `definition` matches on every server; `limit` matching nodes listed per server. */
  async preview(definition: string, limit = DEFAULT_LIMIT): Promise<FleetTagPreview> {
    this.#running?.abort();
    const controller = new AbortController();
    this.#running = controller;
    const corpus = await this.warm();
    let matched: string[];
    try {
      matched = await corpus.evaluate(definition, { signal: controller.signal });
    } catch (e) {
      if (e instanceof InvalidDefinitionError) throw new ConsoleFailure('bad-input', e.message);
      if (e instanceof Error && e.name === 'AbortError') throw new ConsoleFailure('conflict', 'A newer preview replaced this one.');
      throw e;
    } finally {
      if (this.#running === controller) this.#running = null;
    }
    const byServer = new Map<string, string[]>();
    for (const id of matched) {
      const [c, systemId] = split(id);
      (byServer.get(c) ?? byServer.set(c, []).get(c)!).push(systemId);
    }
    const servers: FleetTagPreviewServer[] = this.#d.servers().map((s) => {
      const ids = byServer.get(s.connectionId) ?? [];
      const matches: FleetTagMatch[] = ids.map((systemId) => ({ systemId, hostname: s.hostnames.get(systemId) ?? systemId }))
        .sort((a, b) => byHostname.compare(a.hostname, b.hostname) || (a.systemId < b.systemId ? -1 : a.systemId > b.systemId ? 1 : 0));
      return {
        connectionId: s.connectionId, name: s.name, nodes: s.hostnames.size,
        previewed: this.#ids.get(s.connectionId)?.size ?? 0, matched: ids.length, matches: matches.slice(0, limit),
      };
    });
    return {
      servers,
      matched: servers.reduce((n, s) => n + s.matched, 0),
      previewed: servers.reduce((n, s) => n + s.previewed, 0),
    };
  }

  async close(): Promise<void> {
    this.#unlisten();
    this.#running?.abort();
    const corpus = await this.#loading?.catch(() => null);
    await this.#saver?.close();
    await corpus?.close();
  }
}
