// Free text over tens of thousands of nodes in one string search: every node's search text
// laid end to end in one string, so a word is found with indexOf over contiguous memory
// instead of one `includes` per node, each reaching a string of its own somewhere in the
// heap (in Chromium, 50,000 of those cost 6–9 ms even when nothing matches; the one search
// over the joined text about 1 ms).
import type { IndexedNode } from './node-index';

/** Between two nodes' texts; a word holding it is searched node by node instead. */
const SEPARATOR = '\u0000';

export class TextCorpus<E extends IndexedNode> {
  readonly #text: string;
  /** Where each node's text starts in #text; one more for the end. */
  readonly #starts: Int32Array;

  constructor(readonly entries: readonly E[]) {
    this.#starts = new Int32Array(entries.length + 1);
    let at = 0;
    entries.forEach((e, i) => { this.#starts[i] = at; at += e.hay.length + SEPARATOR.length; });
    this.#starts[entries.length] = at;
    this.#text = entries.map((e) => e.hay).join(SEPARATOR);
  }

  /** Whether `find` can answer for this word (a word may not reach from one node into the next). */
  static searchable(word: string): boolean { return word.length > 0 && !word.includes(SEPARATOR); }

  /** The nodes whose search text holds `word`, in order: exactly `entries.filter((e) => e.hay.includes(word))`. */
  find(word: string): E[] { return Array.from(this.findIndices(word), (i) => this.entries[i]); }

  /** Where in `entries` the nodes whose search text holds `word` are, ascending. */
  findIndices(word: string): number[] {
    const n = this.entries.length;
    const out: number[] = [];
    if (!TextCorpus.searchable(word)) {
      for (let i = 0; i < n; i++) if (this.entries[i].hay.includes(word)) out.push(i);
      return out;
    }
    const starts = this.#starts;
    for (let i = 0, from = 0; i < n;) {
      const at = this.#text.indexOf(word, from);
      if (at < 0) break;
      // The node holding `at`: usually this one or the next, so step before bisecting.
      if (starts[i + 1] <= at) {
        if (starts[i + 2] > at) i++;
        else {
          let lo = i + 1;
          let hi = n - 1;
          while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid] <= at) lo = mid; else hi = mid - 1; }
          i = lo;
        }
      }
      out.push(i);
      from = starts[++i];
    }
    return out;
  }
}
