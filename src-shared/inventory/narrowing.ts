// Search as you type over tens of thousands of nodes: a keystroke that only narrows the last
// query ("rack1" → "rack12") filters the last result instead of every node, and a result
// with the same nodes as the last one is the same array, so the grouping, the rows and the
// grid downstream have nothing to redo (typing "r", "ra", "rac", "rack" over nodes all
// named rack… changes nothing on screen and should cost only the scan).
import { compileFilter, singleValued, type FilterField, type FilterTerm, type ParsedFilter } from './filter';
import { bareMac, type IndexedNode } from './node-index';
import { TextCorpus } from './text-corpus';

/** Fields that `field:value` matches as a part of the value (without `=` or `*`). */
const partialFields = new Set<FilterField>(['hostname', 'id', 'os', 'server', 'mac']);

const sameTerm = (a: FilterTerm, b: FilterTerm): boolean =>
  a.kind === 'text' ? b.kind === 'text' && a.text === b.text && a.negate === b.negate
    : b.kind === 'field' && a.field === b.field && a.negate === b.negate && a.exact === b.exact
      && a.values.length === b.values.length && a.values.every((v, i) => v === b.values[i]);

/**
 * Whether every node `next` matches is also matched by `prev`, proven term by term: a part of
 * a text or a value that must be found grows ("rack" → "rack1" can only match fewer), or a
 * term is the same. Negated terms and patterns only when unchanged.
 */
function termImplies(next: FilterTerm, prev: FilterTerm): boolean {
  if (sameTerm(next, prev)) return true;
  if (next.negate || prev.negate) return false;
  if (next.kind === 'text' && prev.kind === 'text') {
    return !next.text.includes('*') && !prev.text.includes('*') && next.text.includes(prev.text);
  }
  if (next.kind !== 'field' || prev.kind !== 'field' || next.field !== prev.field || !partialFields.has(next.field)) return false;
  if (next.exact || prev.exact || [...next.values, ...prev.values].some((v) => v.includes('*'))) return false;
  const norm = next.field === 'mac' ? bareMac : (v: string) => v;
  return next.values.every((nv) => prev.values.some((pv) => norm(nv).includes(norm(pv))));
}

/**
 * Whether `next` can only match nodes `prev` matches: its first terms each imply the term in
 * the same place in `prev`, and any further term adds a condition (a positive term on a
 * single-valued field `prev` already names would be an alternative, and widen).
 */
export function narrows(prev: ParsedFilter, next: ParsedFilter): boolean {
  if (next.terms.length < prev.terms.length) return false;
  if (!prev.terms.every((p, i) => termImplies(next.terms[i], p))) return false;
  const named = new Set(prev.terms.flatMap((t) => (t.kind === 'field' && !t.negate ? [t.field] : [])));
  return next.terms.slice(prev.terms.length).every((t) => t.kind === 'text' || t.negate || !singleValued.has(t.field) || !named.has(t.field));
}

/** Below this many nodes, testing each node of a narrowed result beats searching the corpus. */
const SMALL = 4096;

/** The longest word that must appear in a node's search text, if the query has one. */
function requiredWord(parsed: ParsedFilter): (FilterTerm & { kind: 'text' }) | undefined {
  let best: (FilterTerm & { kind: 'text' }) | undefined;
  for (const t of parsed.terms) {
    if (t.kind === 'text' && !t.negate && !t.text.includes('*') && TextCorpus.searchable(t.text) && t.text.length > (best?.text.length ?? 0)) best = t;
  }
  return best;
}

/** The nodes of a list a query matched. */
export interface Matches<E> {
  /** The list searched. */
  readonly source: readonly E[];
  /** The matching nodes, in source order (`source` itself when all match). */
  readonly entries: readonly E[];
  /** Their places in `source`, ascending; null when every node matches. */
  readonly indices: readonly number[] | null;
}

const sameIndices = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The nodes of a (sorted) list a query matches, keystroke after keystroke. The entries are
 * always exactly `source.filter(test)`, in source order; only the work and the identity of
 * the answer differ: a word the query requires is found in one search over all the nodes'
 * text, a narrowing query tests only the last result, and the same nodes as last time are
 * the last answer itself (so nothing derived from it recomputes).
 */
export class NarrowingFilter<E extends IndexedNode> {
  #corpus = new TextCorpus<E>([]);
  #parsed: ParsedFilter | null = null;
  #last: Matches<E> = { source: [], entries: [], indices: null };

  apply(source: readonly E[], parsed: ParsedFilter, test = compileFilter(parsed)): Matches<E> {
    const last = this.#last;
    // Built when the nodes change (each change sorts them all anyway), not on a keystroke.
    if (last.source !== source) this.#corpus = new TextCorpus(source);
    const narrowing = last.source === source && this.#parsed !== null && narrows(this.#parsed, parsed);
    this.#parsed = parsed;
    const base = narrowing ? last.indices : null;
    const word = requiredWord(parsed);
    let found: number[] | null;
    if (parsed.terms.length === 0) found = null;
    else if (word && !(base && base.length < SMALL)) {
      // The nodes holding the word, then the rest of the query over those only.
      const holding = this.#corpus.findIndices(word.text);
      const rest = parsed.terms.filter((t) => t !== word);
      const restTest = rest.length ? compileFilter({ terms: rest, problems: [] }) : null;
      found = restTest ? holding.filter((i) => restTest(source[i])) : holding;
    } else {
      found = [];
      if (base) { for (const i of base) if (test(source[i])) found.push(i); }
      else for (let i = 0; i < source.length; i++) if (test(source[i])) found.push(i);
    }
    if (found && found.length === source.length) found = null;
    if (last.source === source && (found === null ? last.indices === null : last.indices !== null && sameIndices(found, last.indices))) return last;
    return (this.#last = { source, entries: found ? found.map((i) => source[i]) : source, indices: found });
  }
}
