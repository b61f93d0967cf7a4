// The axes of a location step over the composite view, with their node tests: which nodes
// an axis reaches from one context node, in the axis's own order (reverse axes nearest
// first). Only the axes and tests fast/subset.ts admits are built here.
import { Unsupported, type Axis, type NodeTest } from './parse';
import type { NameIndex } from './name-index';
import { CompositeTree, DOC, LIST, LLDP_COPY, LSHW_COPY, PLAIN, elementOf, elementRef, slotOf, treeOf } from './tree';
import type { Each, Visit } from './compiled';

const ANY = -2;

interface NodeFilter {
  /** Which trees' elements may pass (by tree number). */
  trees: boolean[];
  list: boolean;
  doc: boolean;
  /** `node()`: an attribute (a context node reached by @) passes too. */
  attributes: boolean;
  /** Name id, ANY for `*`/node(), -1 for a name no document of the shard has. */
  name: number;
}

function nodeFilter(view: CompositeTree, test: NodeTest): NodeFilter {
  if (test.kind === 'type') {
    if (test.type !== 'node') throw new Unsupported(`${test.type}() test`);
    return { trees: [true, true, true], list: true, doc: true, attributes: true, name: ANY };
  }
  const trees = [false, false, false];
  if (test.prefix === null) {
    // `*` is any element in any namespace; a plain name is in no namespace.
    if (test.local === '*') trees.fill(true);
    else trees[PLAIN] = true;
  } else if (test.prefix === 'lldp') trees[LLDP_COPY] = true;
  else if (test.prefix === 'lshw') trees[LSHW_COPY] = true;
  else throw new Unsupported(`prefix ${test.prefix}`);
  return {
    trees,
    list: test.prefix === null && (test.local === '*' || test.local === 'list'),
    doc: false,
    attributes: false,
    name: test.local === '*' ? ANY : view.t.strings.lookup(test.local),
  };
}

function attributeTest(view: CompositeTree, test: NodeTest): (attrIndex: number) => boolean {
  if (test.kind === 'type') {
    if (test.type !== 'node') throw new Unsupported(`${test.type}() on attributes`);
    return () => true;
  }
  if (test.prefix !== null) {
    if (test.prefix !== 'lshw' && test.prefix !== 'lldp') throw new Unsupported(`prefix ${test.prefix}`);
    return () => false; // attributes are never namespaced in the modelled documents
  }
  if (test.local === '*') return () => true;
  const id = view.t.strings.lookup(test.local);
  const t = view.t;
  return (a) => t.attrName(a) === id;
}

export function attributeAxis(view: CompositeTree, test: NodeTest): Each {
  const matches = attributeTest(view, test);
  const t = view.t;
  return (ref, visit) => {
    if (ref < 0 || slotOf(ref) !== 0) return false;
    const e = elementOf(ref);
    const start = t.attrStart(e);
    const end = t.attrEnd(e);
    for (let a = start; a < end; a++) if (matches(a) && visit(ref + (a - start + 1))) return true;
    return false;
  };
}

export function elementAxis(view: CompositeTree, index: NameIndex, axis: Axis, nodeTest: NodeTest): Each {
  const test = nodeFilter(view, nodeTest);
  const t = view.t;
  const matchesRef = (ref: number): boolean => {
    if (ref === DOC) return test.doc;
    if (ref === LIST) return test.list;
    if (slotOf(ref) !== 0) return test.attributes;
    return test.trees[treeOf(ref)] && (test.name === ANY || t.name(elementOf(ref)) === test.name);
  };
  const fromList = (refs: number[], visit: Visit): boolean => {
    for (const r of refs) if (matchesRef(r) && visit(r)) return true;
    return false;
  };
  const descendants: Each = (ref, visit) => {
    if (ref === DOC && test.list && visit(LIST)) return true;
    const ranges = view.descendantRanges(ref);
    for (let k = 0; k < ranges.length; k += 3) {
      const tree = ranges[k];
      if (!test.trees[tree]) continue;
      const base = elementRef(tree, 0);
      if (test.name === ANY) {
        for (let e = ranges[k + 1], to = ranges[k + 2]; e < to; e++) if (visit(base + e * 8192)) return true;
      } else if (index.some(test.name, ranges[k + 1], ranges[k + 2], (e) => visit(base + e * 8192))) return true;
    }
    return false;
  };
  switch (axis) {
    case 'child':
      return (ref, visit) => fromList(view.children(ref), visit);
    case 'descendant':
      return descendants;
    case 'descendant-or-self':
      return (ref, visit) => (matchesRef(ref) && visit(ref)) || descendants(ref, visit);
    case 'self':
      return (ref, visit) => matchesRef(ref) && visit(ref);
    case 'parent':
      return (ref, visit) => {
        const p = view.parent(ref);
        return p !== null && matchesRef(p) && visit(p);
      };
    case 'ancestor':
    case 'ancestor-or-self':
      return (ref, visit) => {
        for (let n: number | null = axis === 'ancestor' ? view.parent(ref) : ref; n !== null; n = view.parent(n)) {
          if (matchesRef(n) && visit(n)) return true;
        }
        return false;
      };
    case 'following-sibling':
    case 'preceding-sibling':
      return (ref, visit) => {
        if (ref < 0 || slotOf(ref) !== 0) return false;
        const parent = view.parent(ref);
        if (parent === null) return false;
        const all = view.children(parent);
        const at = all.indexOf(ref);
        const part = axis === 'following-sibling' ? all.slice(at + 1) : all.slice(0, at).reverse();
        return fromList(part, visit);
      };
    default:
      throw new Unsupported(`${axis} axis`);
  }
}
