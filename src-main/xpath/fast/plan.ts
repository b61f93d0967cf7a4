// A definition prepared for the fast path: parsed, checked and compiled against a shard's
// tables; `run` answers one node as MAAS would (Python's bool() of the result), or says
// that this node needs the exact path.
import { Compiler, type Compiled } from './compile';
import { parseXPath, Unsupported } from './parse';
import { checkSubset } from './subset';
import { CompositeTree, DOC, LIST, NeedsExact, PLAIN, elementRef, type DocTrees } from './tree';
import type { NameIndex } from './name-index';
import type { ElementTables } from './store';

export const EXACT = 'exact' as const;

export class FastPlan {
  private readonly view: CompositeTree;
  private readonly compiled: Compiled;

  private constructor(tables: ElementTables, index: NameIndex, definition: string) {
    this.view = new CompositeTree(tables);
    const expr = parseXPath(definition);
    checkSubset(expr);
    this.compiled = new Compiler(this.view, index).expr(expr);
  }

  /** The plan, or null when the definition is outside the fast path's subset. */
  static tryCreate(tables: ElementTables, index: NameIndex, definition: string): FastPlan | null {
    try {
      return new FastPlan(tables, index, definition);
    } catch (error) {
      if (error instanceof Unsupported) return null;
      throw error;
    }
  }

  run(doc: DocTrees): boolean | typeof EXACT {
    this.view.doc = doc;
    // Relative paths start at the lshw root, or at `list` without one (merge_details).
    const node = doc.lshw >= 0 ? elementRef(PLAIN, doc.lshw) : LIST;
    try {
      const ctx = { node, pos: 1, size: 1 };
      // lxml leaves the document node out of the list it returns (see libxml.ts).
      if (this.compiled.some !== undefined) return this.compiled.some(ctx, (ref) => ref !== DOC);
      const value = this.compiled.fn(ctx);
      switch (this.compiled.type) {
        case 'nodeset':
          return (value as number[]).some((ref) => ref !== DOC);
        case 'string':
          return (value as string).length > 0;
        case 'number':
          return (value as number) !== 0; // NaN is true, as Python's bool(nan)
        default:
          return value as boolean;
      }
    } catch (error) {
      if (error === NeedsExact.instance) return EXACT;
      throw error;
    }
  }
}
