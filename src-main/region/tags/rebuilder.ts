// Rebuilds tag membership in the background (MAAS populate_tags): after a definition is
// saved, or a node's details change. Requests never wait for it. The definition is
// evaluated on the region's tag index (tag-index.ts: the nodes' details already in the
// XPath workers' tables) and applied in one transaction per job — dropped if the
// definition changed meanwhile, since that change queued its own job (MAAS's update_nodes
// `definition` check did the same).
import type { RegionCore } from '../region-core';
import type { TagEvaluator } from './tag-index';

type Job = { kind: 'tag'; tagId: number } | { kind: 'nodes'; nodeIds: Set<number> };

/** Set while rebuilds are owed; a region killed meanwhile rebuilds every defined tag on start. */
export const DIRTY = 'region:tags_dirty';

export class TagRebuilder {
  readonly #queue: Job[] = [];
  #running: Promise<void> | null = null;
  #closed = false;
  readonly #abort = new AbortController();

  constructor(private readonly core: RegionCore, private readonly evaluator: TagEvaluator) {}

  /** After a crash or kill with work owed: every defined tag, once. */
  resumeIfOwed(): void {
    if (this.core.config.get(DIRTY) === true) for (const t of this.core.tags.withDefinition()) this.tag(t.id);
  }

  /** Re-evaluate one tag over every node. */
  tag(tagId: number): void {
    if (!this.#queue.some((j) => j.kind === 'tag' && j.tagId === tagId)) this.#queue.push({ kind: 'tag', tagId });
    this.#kick();
  }

  /** Re-evaluate every defined tag over these nodes. */
  nodes(nodeIds: number[]): void {
    const last = this.#queue.at(-1);
    if (last?.kind === 'nodes') for (const id of nodeIds) last.nodeIds.add(id);
    else this.#queue.push({ kind: 'nodes', nodeIds: new Set(nodeIds) });
    this.#kick();
  }

  /** Resolves when nothing is queued or running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#queue.length = 0;
    this.#abort.abort();
    await this.idle().catch(() => undefined);
    await this.evaluator.close();
  }

  #kick(): void {
    if (this.#running || this.#closed) return;
    this.core.config.set(DIRTY, true);
    this.#running = (async () => {
      let failed = false;
      try {
        for (let job = this.#queue.shift(); job && !this.#closed; job = this.#queue.shift()) {
          try {
            await this.#run(job);
          } catch (e) {
            failed = true;
            if (!this.#closed) this.core.log(`tag rebuild failed: ${(e as Error).message}`);
          }
        }
        if (!failed && !this.#closed && this.#queue.length === 0) {
          this.core.config.set(DIRTY, false);
          await this.evaluator.save?.().catch((e: Error) => this.core.log(`tag index not saved: ${e.message}`));
        }
      } finally {
        this.#running = null;
      }
    })();
  }

  async #run(job: Job): Promise<void> {
    const tags = job.kind === 'tag'
      ? [this.core.tags.byId(job.tagId)].filter((t) => t !== undefined && t.definition !== '')
      : this.core.tags.withDefinition();
    const nodeIds = job.kind === 'tag' ? this.core.installableNodeIds() : [...job.nodeIds];
    for (const tag of tags) {
      const matched = await this.evaluator.matching(tag!.definition, nodeIds, this.#abort.signal);
      if (this.#closed) return;
      this.core.applyTagEvaluation(tag!.id, tag!.definition, nodeIds, matched);
    }
  }
}
