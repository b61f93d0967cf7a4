// "Load whole history" asks for run after run; each request needs the previous answer's
// cursor, so without help the server idles while the window parses and paints. With
// `readAhead`, main starts reading the next run as soon as it answers one, and hands it over
// when asked. One run is held at a time, and only for a view that asked for it (a remote
// MAAS is never read ahead of a technician who merely opened the view).
import type { EventSlice } from '../../../src-shared/contract/events';
import type { QueryRequest } from './query-events';

const HOLD_MS = 30_000;

export class ReadAhead {
  #key: string | null = null;
  #run: Promise<EventSlice> | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;

  static keyOf(r: QueryRequest): string {
    return JSON.stringify([r.connectionId, r.filter, r.before, r.limit, r.want]);
  }

  /** The run read ahead for exactly this request, if there is one (it is handed over once). */
  take(r: QueryRequest): Promise<EventSlice> | null {
    if (this.#key !== ReadAhead.keyOf(r)) return null;
    const run = this.#run;
    this.clear();
    return run;
  }

  hold(r: QueryRequest, run: Promise<EventSlice>): void {
    this.clear();
    run.catch(() => undefined); // a failed read ahead is reported when (if) it is taken
    this.#key = ReadAhead.keyOf(r);
    this.#run = run;
    this.#timer = setTimeout(() => this.clear(), HOLD_MS);
    this.#timer.unref?.();
  }

  clear(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#key = null;
    this.#run = null;
    this.#timer = null;
  }
}
