// A shard of nodes held by one worker thread: their details in the compact tables (fast
// path) and deflated as received (exact path), and the evaluation of a definition over
// them — fast where the fast path can answer, libxml2 on the composite everywhere else.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { ExactEngine } from './exact';
import { loadDetail, NotModelled } from './fast/load';
import { EXACT, FastPlan } from './fast/plan';
import { ElementTables, NameIndex } from './fast/store';
import type { DocTrees } from './fast/tree';
import type { DocumentInput, EvaluationStats } from './protocol';
import type { NodeDetails } from './composite';

type Stored = Buffer | string | null | undefined;

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
    const entry = this.entries.get(id);
    if (entry === undefined) return;
    this.entries.delete(id);
    this.garbage += entry.elements;
    if (this.garbage > 100_000 && this.garbage > this.tables.elementCount / 2) this.compact();
  }

  clear(): void {
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
        answer = this.engine.matchOnce(compiled, this.details(entry));
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

  private load(doc: DocumentInput): DocTrees | null {
    const elements = this.tables.elementCount;
    const attributes = this.tables.attrName.length;
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
      this.tables.truncate(elements, attributes);
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
