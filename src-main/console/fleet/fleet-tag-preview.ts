// A tag definition over every server's kept details at once: "which nodes, on which servers,
// would this match". One preview corpus (src-main/xpath, MAAS's semantics, worker threads)
// holds every connection's nodes under ids that carry the connection; it is loaded from the
// details' home the first time it is asked, then follows the home's changes, so a keystroke
// costs only the evaluation. Made on first use: a console that never previews across
// servers starts no workers for it.
import { ConsoleFailure } from '../../../src-shared/contract/errors';
import type { FleetTagMatch, FleetTagPreview, FleetTagPreviewServer } from '../../../src-shared/contract/fleet';
import { createPreviewCorpus, fillCorpus, InvalidDefinitionError, type DocumentInput, type PreviewCorpus } from '../../xpath/index';
import { detailPages, type KeptDetails, type NodeDetailsStore } from '../details/node-details-store';

export interface FleetServerNodes {
  connectionId: string;
  name: string;
  /** system id → hostname of the nodes as last read. */
  hostnames: ReadonlyMap<string, string>;
}

export interface FleetTagPreviewDeps {
  details: Pick<NodeDetailsStore, 'listen' | 'page' | 'connections'>;
  /** Every connection now, with its nodes. */
  servers: () => FleetServerNodes[];
  corpus?: () => PreviewCorpus;
}

// A connection id never holds a NUL (ids are validated names), so the pair splits back exactly.
const SEP = '\u0000';
const idOf = (connectionId: string, systemId: string) => `${connectionId}${SEP}${systemId}`;
const split = (id: string): [string, string] => { const i = id.indexOf(SEP); return [id.slice(0, i), id.slice(i + 1)]; };
const docOf = (connectionId: string, d: KeptDetails): DocumentInput => ({ id: idOf(connectionId, d.systemId), lshw: d.lshw, lldp: d.lldp });

/** Details read per page while loading (a yield between pages keeps main answering). */
const PAGE = 250;
const DEFAULT_LIMIT = 200;
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

  constructor(d: FleetTagPreviewDeps) {
    this.#d = d;
    this.#unlisten = d.details.listen((connectionId, systemId, details) => {
      if (this.#loading === null) return; // not loaded yet: the load reads the home as it is then
      const id = idOf(connectionId, systemId);
      const doc = details ? docOf(connectionId, details) : null;
      if (this.#pending) this.#pending.set(id, doc);
      else this.#apply(id, doc);
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
      // Filling waits for the workers to build their tables, so the first keystroke waits
      // for evaluation only.
      await fillCorpus(corpus, (async function* () {
        for (const c of details.connections()) {
          const held = new Set<string>();
          ids.set(c, held);
          for await (const page of detailPages(details, c, PAGE)) {
            for (const d of page) held.add(d.systemId);
            yield page.map((d) => docOf(c, d));
          }
        }
      })());
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
    await corpus?.close();
  }
}
