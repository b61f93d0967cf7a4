// A shard of nodes held by one worker thread: their details in the compact tables (fast
// path) and deflated as received (exact path), and the evaluation of a definition over
// them — fast where the fast path can answer, libxml2 on the composite everywhere else.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { ExactEngine, PreparedDocument } from './exact';
import { loadDetail, NotModelled } from './fast/load';
import { EXACT, FastPlan } from './fast/plan';
import { NameIndex } from './fast/name-index';
import { ElementTables } from './fast/store';
import type { DocTrees } from './fast/tree';
import type { DocumentInput, EvaluationStats } from './protocol';
import { decodeShard, encodeShard } from './shard-snapshot';
import type { NodeDetails } from './composite';

type Stored = Buffer | string | null | undefined;

/**
 * Characters of details whose parsed composites a shard keeps for libxml2 (about 17 bytes
 * of WASM heap per character): nodes the tables cannot model are then parsed once, not
 * once per keystroke. WASM memory never shrinks, so this is a fixed ceiling.
 */
const PREPARED_BUDGET = 4_000_000;

interface Entry {
  id: string;
  /** Trees in the tables, or null when only the exact path can answer this node. */
  trees: DocTrees | null;
  lshw: Stored;
  lldp: Stored;
  elements: number;
}


export class Shard {
  tables = new ElementTables();
  private readonly entries = new Map<string, Entry>();
  private garbage = 0;
  private index: NameIndex | null = null;
  /** Parsed composites of nodes only libxml2 answers, most recently used last, within PREPARED_BUDGET. */
  private readonly prepared = new Map<string, { doc: PreparedDocument; chars: number }>();
  private preparedChars = 0;

  /** `compress`: keep the raw details deflated (long-lived corpora) or as they are. */
  constructor(
    private readonly engine: ExactEngine,
    private readonly compress: boolean,
  ) {}

  /** Is the definition in the fast path's subset? (Names need no documents to check.) */
  static fastPathCovers(definition: string): boolean {
    const empty = new ElementTables();
    return FastPlan.tryCreate(empty, new NameIndex(empty), definition) !== null;
  }

  /** The built tables and kept details as bytes (see shard-snapshot.ts). */
  snapshot(): Uint8Array {
    return encodeShard(this.tables, this.entries.values(), this.garbage);
  }

  /** Takes a snapshot's nodes in place of this shard's; false when the bytes are of another format. */
  restore(bytes: Uint8Array): boolean {
    const decoded = decodeShard(bytes);
    if (decoded === null) return false;
    this.clear();
    this.tables = decoded.tables;
    this.garbage = decoded.garbage;
    for (const e of decoded.entries) this.entries.set(e.id, e);
    return true;
  }

  /** Ids held, in the order they were loaded. */
  ids(): string[] {
    return [...this.entries.keys()];
  }

  get size(): number {
    return this.entries.size;
  }

  /** Tables, name index and kept details. */
  get bytes(): number {
    let raw = 0;
    for (const e of this.entries.values()) raw += storedBytes(e.lshw) + storedBytes(e.lldp);
    return this.tables.bytes + (this.index?.bytes ?? 0) + raw;
  }

  upsert(doc: DocumentInput): void {
    this.remove(doc.id);
    this.index = null;
    const before = this.tables.elementCount;
    const trees = this.load(doc);
    this.entries.set(doc.id, {
      id: doc.id,
      trees,
      lshw: this.store(doc.lshw),
      lldp: this.store(doc.lldp),
      elements: this.tables.elementCount - before,
    });
  }

  remove(id: string): void {
    this.forget(id);
    const entry = this.entries.get(id);
    if (entry === undefined) return;
    this.entries.delete(id);
    this.garbage += entry.elements;
    if (this.garbage > 100_000 && this.garbage > this.tables.elementCount / 2) this.compact();
  }

  clear(): void {
    for (const id of [...this.prepared.keys()]) this.forget(id);
    this.entries.clear();
    this.tables = new ElementTables();
    this.index = null;
    this.garbage = 0;
  }

  /** Evaluates a compiled definition over the shard, streaming matches. */
  *evaluate(definition: string, compiled: number, batch: number): Generator<{ ids: string[]; done: number }, EvaluationStats> {
    if (this.index === null) {
      // First evaluation after loads: give back the tables' spare capacity, then index.
      this.tables.trim();
      this.index = new NameIndex(this.tables);
    }
    const plan = FastPlan.tryCreate(this.tables, this.index, definition);
    const stats: EvaluationStats = { nodes: 0, fast: 0, exact: 0, fastPlan: plan !== null };
    let ids: string[] = [];
    let done = 0;
    for (const entry of this.entries.values()) {
      let answer: boolean | typeof EXACT = EXACT;
      if (plan !== null && entry.trees !== null) answer = plan.run(entry.trees);
      if (answer === EXACT) {
        stats.exact++;
        answer = this.exactMatch(compiled, entry);
      } else stats.fast++;
      if (answer) ids.push(entry.id);
      done++;
      stats.nodes++;
      if (done === batch) {
        yield { ids, done };
        ids = [];
        done = 0;
      }
    }
    if (done > 0) yield { ids, done };
    return stats;
  }

  /** libxml2's answer for one node, its composite kept parsed while the budget allows. */
  private exactMatch(compiled: number, entry: Entry): boolean {
    const kept = this.prepared.get(entry.id);
    if (kept !== undefined) {
      this.prepared.delete(entry.id);
      this.prepared.set(entry.id, kept);
      return this.engine.matches(compiled, kept.doc);
    }
    const details = this.details(entry);
    const chars = (details.lshw?.length ?? 0) + (details.lldp?.length ?? 0);
    if (chars > PREPARED_BUDGET / 4) return this.engine.matchOnce(compiled, details);
    const doc = this.engine.prepare(details);
    this.prepared.set(entry.id, { doc, chars });
    this.preparedChars += chars;
    for (const id of this.prepared.keys()) {
      if (this.preparedChars <= PREPARED_BUDGET) break;
      this.forget(id);
    }
    return this.engine.matches(compiled, doc);
  }

  private forget(id: string): void {
    const kept = this.prepared.get(id);
    if (kept === undefined) return;
    this.prepared.delete(id);
    this.preparedChars -= kept.chars;
    this.engine.dispose(kept.doc);
  }

  private load(doc: DocumentInput): DocTrees | null {
    const elements = this.tables.elementCount;
    try {
      const trees: DocTrees = { lshw: -1, lldp: -1 };
      for (const name of ['lshw', 'lldp'] as const) {
        const text = doc[name];
        if (text === null || text === undefined) continue;
        const loaded = loadDetail(this.engine.libxml, text, this.tables);
        if (loaded.parsed) trees[name] = loaded.root;
      }
      return trees;
    } catch (error) {
      if (!(error instanceof NotModelled)) throw error;
      this.tables.truncate(elements);
      return null;
    }
  }

  private store(text: string | null | undefined): Stored {
    if (text === null || text === undefined || !this.compress) return text;
    return deflateRawSync(Buffer.from(text, 'utf8'), { level: 1 });
  }

  private details(entry: Entry): NodeDetails {
    const text = (stored: Stored): string | null | undefined =>
      Buffer.isBuffer(stored) ? inflateRawSync(stored).toString('utf8') : stored;
    return { lshw: text(entry.lshw), lldp: text(entry.lldp) };
  }

  /** Rebuilds the tables from the kept details once removed nodes waste half of them. */
  private compact(): void {
    const kept = [...this.entries.values()];
    this.clear();
    for (const entry of kept) {
      const details = this.details(entry);
      this.upsert({ id: entry.id, lshw: details.lshw, lldp: details.lldp });
    }
  }
}

function storedBytes(stored: Stored): number {
  if (stored === null || stored === undefined) return 0;
  return typeof stored === 'string' ? stored.length * 2 : stored.byteLength;
}
