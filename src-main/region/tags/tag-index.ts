// The region's tag evaluation on the same index the console's preview uses: every node's
// details held in the XPath workers' compact tables (src-main/xpath preview corpus), so a
// tag created or changed is evaluated over all nodes without parsing any detail again.
// Before each evaluation the index is brought in line with the database (one query of
// versions: details' `updated` time and sizes); it is saved to a file in the data folder,
// so a restart reopens it instead of re-parsing every node.
import type { Database } from 'better-sqlite3';
import { loadCorpus, saveCorpus, type PreviewCorpus } from '../../xpath/index';

interface VersionRow { id: number; version: string }

/** What the rebuilder asks: which of these nodes does a definition match? */
export interface TagEvaluator {
  matching(definition: string, nodeIds: number[], signal: AbortSignal): Promise<Set<number>>;
  /** Keeps what was built for the next start, if the evaluator keeps anything. */
  save?(): Promise<void>;
  close(): Promise<void>;
}

export class RegionTagIndex implements TagEvaluator {
  readonly #versions = new Map<string, string>();
  readonly #query;
  readonly #details;
  #opened: Promise<void> | null = null;
  #changedSinceSave = false;

  constructor(
    db: Database,
    private readonly corpus: PreviewCorpus,
    /** Where the index is saved; null keeps it in memory only. */
    private readonly file: string | null,
    private readonly log: (text: string) => void = () => undefined,
  ) {
    this.#query = db.prepare<[], VersionRow>(`SELECT n.id AS id,
        coalesce(d.updated, '') || '|' || coalesce(length(d.lshw), -1) || '|' || coalesce(length(d.lldp), -1) AS version
      FROM nodes n LEFT JOIN node_details d ON d.node_id = n.id`);
    this.#details = db.prepare<[string], { node_id: number; lshw: Buffer | null; lldp: Buffer | null }>(
      'SELECT node_id, lshw, lldp FROM node_details WHERE node_id IN (SELECT value FROM json_each(?))');
  }

  /** Reopens the saved index (once), then applies what changed in the database since. */
  async sync(): Promise<number> {
    this.#opened ??= this.#reopen();
    await this.#opened;
    const rows = this.#query.all();
    const present = new Set<string>();
    const changed: number[] = [];
    for (const r of rows) {
      const id = String(r.id);
      present.add(id);
      if (this.#versions.get(id) !== r.version) {
        changed.push(r.id);
        this.#versions.set(id, r.version);
      }
    }
    for (const id of [...this.#versions.keys()]) {
      if (!present.has(id)) {
        this.#versions.delete(id);
        this.corpus.remove(id);
        this.#changedSinceSave = true;
      }
    }
    for (let i = 0; i < changed.length; i += 100) this.#load(changed.slice(i, i + 100));
    if (changed.length > 0) this.#changedSinceSave = true;
    return changed.length;
  }

  /** Nodes without a details row are loaded too: MAAS evaluates them against the bare `list`. */
  #load(ids: number[]): void {
    const byId = new Map(this.#details.all(JSON.stringify(ids)).map((d) => [d.node_id, d]));
    for (const id of ids) {
      const d = byId.get(id);
      this.corpus.upsert({ id: String(id), lshw: d?.lshw?.toString('utf8') ?? null, lldp: d?.lldp?.toString('utf8') ?? null });
    }
  }

  async #reopen(): Promise<void> {
    if (this.file === null) return;
    const saved = await loadCorpus(this.file);
    if (saved === null || !(await this.corpus.restore(saved.snapshot))) return;
    for (const [id, version] of Object.entries(saved.versions)) this.#versions.set(id, version);
    this.log(`tag index reopened: ${this.#versions.size} nodes`);
  }

  async matching(definition: string, nodeIds: number[], signal: AbortSignal): Promise<Set<number>> {
    await this.sync();
    const wanted = new Set(nodeIds);
    const ids = await this.corpus.evaluate(definition, { signal });
    return new Set(ids.map(Number).filter((id) => wanted.has(id)));
  }

  /** Saves the index when it changed since it was last saved or reopened. */
  async save(): Promise<void> {
    if (this.file === null || !this.#changedSinceSave) return;
    this.#changedSinceSave = false;
    await saveCorpus(this.file, { snapshot: await this.corpus.snapshot(), versions: Object.fromEntries(this.#versions) });
  }

  async close(): Promise<void> {
    try {
      await this.save();
    } finally {
      await this.corpus.close();
    }
  }
}
