// A tag definition previewed over every server's kept details as it is typed: which nodes,
// on which servers, it would match. A pause in typing sends it; an answer to anything but
// the latest text is dropped (main also cancels the older evaluation).
import type { ConsoleClient } from '../../../src-shared/contract/client';
import type { FleetTagPreview } from '../../../src-shared/contract/fleet';

/** Typing pauses this long before the definition is sent. */
const SETTLE_MS = 150;
/** Matching nodes listed per server (the counts are always complete). */
export const LISTED_PER_SERVER = 200;

export class FleetTagPreviewState {
  definition = $state('');
  result = $state.raw<FleetTagPreview | null>(null);
  error = $state<string | null>(null);
  busy = $state(false);
  /** Nodes with kept details on every server, once the preview has loaded them (null before). */
  loaded = $state<number | null>(null);
  #asked = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(readonly client: ConsoleClient, readonly settleMs = SETTLE_MS) {}

  /** Has main load the details before the first keystroke (worker threads take seconds to start). */
  async load(): Promise<void> {
    const r = await this.client.call('fleet.tagPreviewLoad', {});
    if (r.ok) this.loaded = r.value.previewed;
    else this.error = r.error.message;
  }

  setDefinition(text: string): void {
    this.definition = text;
    if (this.#timer) clearTimeout(this.#timer);
    const mine = ++this.#asked;
    if (!text.trim()) { this.result = null; this.error = null; this.busy = false; return; }
    this.busy = true;
    this.#timer = setTimeout(() => void this.#ask(text, mine), this.settleMs);
  }

  async #ask(text: string, mine: number): Promise<void> {
    const r = await this.client.call('fleet.tagPreview', { definition: text.slice(0, 10_000), limit: LISTED_PER_SERVER });
    if (mine !== this.#asked) return; // a newer definition was typed meanwhile
    this.busy = false;
    if (r.ok) { this.result = r.value; this.error = null; }
    else { this.error = r.error.message; this.result = null; }
  }

  dispose(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#asked++;
  }
}
