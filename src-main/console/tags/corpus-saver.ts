// When a preview corpus is saved (preview-store.ts): a while after the last change (details
// arrive in bursts), one save at a time, and at close; closing waits for a save under way,
// or it would snapshot a corpus being closed.
export class CorpusSaver {
  #timer: NodeJS.Timeout | null = null;
  #saving: Promise<void> | null = null;

  /** `save` returns null when there is nothing to save yet (still loading). */
  constructor(private readonly save: () => Promise<void> | null, private readonly afterMs: number) {}

  soon(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.now(), this.afterMs);
    this.#timer.unref();
  }

  async now(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#saving;
    // A cache: a failed save only means the tables are built again next time.
    const saving = this.save()?.catch(() => undefined) ?? null;
    if (saving === null) return;
    this.#saving = saving;
    await saving;
    if (this.#saving === saving) this.#saving = null;
  }

  /** Saves a change still waiting for its timer, and waits for any save under way. */
  async close(): Promise<void> {
    if (this.#timer) await this.now();
    await this.#saving;
  }
}
