// The definition being typed and what it would match, live. Each change (after a short
// pause) checks the definition and starts a preview in main; matches stream in as batch
// events, and a newer definition cancels the older preview (main aborts it; events of
// any other preview are ignored here). Gain/lose are measured against the tag's members.
import type { ConsoleClient } from '../../../../src-shared/contract/client';
import type { DefinitionCheck } from '../../../../src-shared/contract/tags';

export type PreviewPhase = 'empty' | 'waiting' | 'running' | 'complete' | 'invalid' | 'failed';

let counter = 0;
const newPreviewId = () => `p${Date.now().toString(36)}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;

export class DefinitionPreview {
  definition = $state('');
  phase = $state<PreviewPhase>('empty');
  problem = $state.raw<Extract<DefinitionCheck, { ok: false }> | null>(null);
  matched = $state.raw(new Set<string>());
  done = $state(0);
  total = $state(0);
  /** Nodes left out because their details are not cached yet. */
  unknown = $state(0);
  /** performance.now() of the keystroke, and of the frames that painted the first and the complete results (for the bench). */
  timing = $state.raw<{ typed: number; first: number | null; complete: number | null }>({ typed: 0, first: null, complete: null });
  #membersNow: () => ReadonlySet<string> = () => new Set();
  /** The tag's members now (reactive: they follow the node list after a reload). */
  members = $derived(this.#membersNow());
  gained = $derived([...this.matched].filter((id) => !this.members.has(id)));
  /** Known only when the preview is complete: members it did not match. */
  lost = $derived(this.phase === 'complete' ? [...this.members].filter((id) => !this.matched.has(id)) : []);
  #current: string | null = null;
  /** Counts runs, so the answers of a superseded run are dropped. */
  #runs = 0;
  /** The definition to preview once the current task's changes are made; null when none is queued. */
  #queued: string | null = null;
  #disposed = false;
  readonly #off: (() => void)[] = [];

  constructor(readonly client: ConsoleClient, readonly connectionId: string, membersNow?: () => ReadonlySet<string>) {
    if (membersNow) this.#membersNow = membersNow;
    this.#off.push(client.on('tags.preview.batch', (b) => {
      if (b.previewId !== this.#current) return;
      if (b.matched.length > 0) this.matched = new Set([...this.matched, ...b.matched]);
      this.done = Math.max(this.done, b.done);
      this.total = b.total;
      if (this.timing.first === null) this.#stampAfterPaint('first');
    }));
    this.#off.push(client.on('tags.preview.end', (e) => {
      if (e.previewId !== this.#current) return;
      this.#current = null;
      if (e.outcome === 'complete') {
        this.matched = new Set(e.matched);
        this.done = this.total;
        this.phase = 'complete';
        if (this.timing.first === null) this.#stampAfterPaint('first');
        this.#stampAfterPaint('complete');
      } else if (e.outcome === 'invalid' && this.problem === null) {
        this.phase = 'invalid';
        this.problem = { ok: false, message: (e.message ?? '').replace(/^Invalid xpath expression: /, ''), position: null };
      } else if (e.outcome === 'failed') {
        this.phase = 'failed';
        this.problem = { ok: false, message: e.message ?? 'The preview failed.', position: null };
      } else if (e.outcome === 'cancelled') {
        // Not by us (we forget an id before cancelling it): a preview from another window
        // of the same console took the workers over.
        this.phase = 'failed';
        this.problem = { ok: false, message: 'A newer preview (another window?) stopped this one; edit the definition to run it again.', position: null };
      }
    }));
  }

  /** Stamps when what just changed has been painted: the task right after the next frame (rAF + timeout 0). */
  #stampAfterPaint(what: 'first' | 'complete'): void {
    const typed = this.timing.typed;
    const stamp = () => { if (this.timing.typed === typed && this.timing[what] === null) this.timing = { ...this.timing, [what]: performance.now() }; };
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(stamp, 0));
    else stamp();
  }

  /** The definition changed (a keystroke): preview it. */
  set(definition: string): void {
    // Changes of one task are coalesced (the last wins), and each run cancels the one before.
    // The request is queued before the state below changes, so it leaves before Svelte
    // re-renders what follows the definition (the explorer runs it over its node's tree),
    // not after: main works on it meanwhile.
    if (this.#queued === null) {
      queueMicrotask(() => {
        const queued = this.#queued;
        this.#queued = null;
        if (queued !== null && !this.#disposed) void this.#run(queued);
      });
    }
    this.#queued = definition;
    this.definition = definition;
    this.timing = { typed: performance.now(), first: null, complete: null };
    // What is shown no longer describes this definition: say so at once.
    if (definition.trim() !== '' && this.phase !== 'invalid') this.phase = 'waiting';
  }

  /** Previews the same definition again (the corpus changed: details fetched). */
  rerun(): void {
    if (this.phase !== 'empty' && this.phase !== 'invalid') this.set(this.definition);
  }

  async #run(definition: string): Promise<void> {
    const run = ++this.#runs;
    const previous = this.#current;
    if (previous) void this.client.call('tags.cancelPreview', { previewId: previous });
    this.#current = null;
    this.matched = new Set();
    this.done = 0;
    this.problem = null;
    if (definition.trim() === '') { this.phase = 'empty'; return; }
    const previewId = newPreviewId();
    this.#current = previewId;
    this.phase = 'waiting';
    const [check, started] = await Promise.all([
      this.client.call('tags.check', { definition }),
      this.client.call('tags.preview', { connectionId: this.connectionId, definition, previewId }),
    ]);
    if (run !== this.#runs) return; // a newer definition took over
    if (check.ok && !check.value.ok) {
      this.#current = null;
      this.phase = 'invalid';
      this.problem = check.value;
    } else if (!started.ok) {
      this.#current = null;
      this.phase = 'failed';
      this.problem = { ok: false, message: started.error.message, position: null };
    } else if (this.#current === previewId) {
      this.total = started.value.total;
      this.unknown = started.value.unknown;
      if (this.phase === 'waiting') this.phase = 'running';
    }
  }

  dispose(): void {
    this.#disposed = true;
    if (this.#current) void this.client.call('tags.cancelPreview', { previewId: this.#current });
    for (const off of this.#off) off();
  }
}
