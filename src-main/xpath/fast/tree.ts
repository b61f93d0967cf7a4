// MAAS's composite document of one node, presented over the element tables without
// building it: the document node, `list`, the lshw tree as parsed (no namespace), and
// the namespaced copies (the LLDP tree in `lldp`, the lshw tree again in `lshw`), which
// are the same stored elements seen through another namespace.
//
// A node is a number whose order is document order:
//   DOC = -2, LIST = -1,
//   element   = tree·2^44 + element·8192,
//   attribute = tree·2^44 + element·8192 + (position among its attributes + 1),
// with tree 0 = lshw as parsed, 1 = the lldp copy, 2 = the lshw copy (the copies are the
// last children of the lshw root, lldp first, so every tree-0 node precedes them).
import { ElementTables, NO_TEXT } from './store';

export const DOC = -2;
export const LIST = -1;
export const TREE = 2 ** 44;
export const SLOT = 8192;
export const PLAIN = 0;
export const LLDP_COPY = 1;
export const LSHW_COPY = 2;

/** Thrown when a node's answer needs the exact path (e.g. a large element's string-value). */
export class NeedsExact {
  static readonly instance = new NeedsExact();
}

export interface DocTrees {
  /** Root element of the lshw detail, -1 when absent or it does not parse. */
  lshw: number;
  /** Root element of the LLDP detail, -1 when absent or it does not parse. */
  lldp: number;
}

export const treeOf = (ref: number): number => Math.floor(ref / TREE);
export const elementOf = (ref: number): number => Math.floor((ref % TREE) / SLOT);
export const slotOf = (ref: number): number => ref % SLOT;
export const elementRef = (tree: number, element: number): number => tree * TREE + element * SLOT;

export class CompositeTree {
  doc: DocTrees = { lshw: -1, lldp: -1 };

  constructor(readonly t: ElementTables) {}

  /** Root of a tree in this document, -1 when that tree is absent. */
  rootOf(tree: number): number {
    return tree === LLDP_COPY ? this.doc.lldp : this.doc.lshw;
  }

  isLshwRoot(ref: number): boolean {
    return ref >= 0 && treeOf(ref) === PLAIN && slotOf(ref) === 0 && elementOf(ref) === this.doc.lshw;
  }

  /** The copies appended to the lshw root (tree-0), in order. */
  copies(): number[] {
    const out: number[] = [];
    if (this.doc.lldp >= 0) out.push(elementRef(LLDP_COPY, this.doc.lldp));
    if (this.doc.lshw >= 0) out.push(elementRef(LSHW_COPY, this.doc.lshw));
    return out;
  }

  /** Children of LIST: the lshw root, or else the LLDP copy. */
  listChildren(): number[] {
    if (this.doc.lshw >= 0) return [elementRef(PLAIN, this.doc.lshw)];
    if (this.doc.lldp >= 0) return [elementRef(LLDP_COPY, this.doc.lldp)];
    return [];
  }

  children(ref: number): number[] {
    if (ref === DOC) return [LIST];
    if (ref === LIST) return this.listChildren();
    if (slotOf(ref) !== 0) return [];
    const tree = treeOf(ref);
    const e = elementOf(ref);
    const t = this.t;
    const out: number[] = [];
    for (let c = e + 1, stop = t.end(e); c < stop; c = t.end(c)) out.push(elementRef(tree, c));
    if (tree === PLAIN && e === this.doc.lshw) out.push(...this.copies());
    return out;
  }

  parent(ref: number): number | null {
    if (ref === DOC) return null;
    if (ref === LIST) return DOC;
    const tree = treeOf(ref);
    const e = elementOf(ref);
    if (slotOf(ref) !== 0) return elementRef(tree, e);
    const p = this.t.parent(e);
    if (p >= 0) return elementRef(tree, p);
    if (tree === PLAIN) return LIST;
    if (tree === LLDP_COPY) return this.doc.lshw >= 0 ? elementRef(PLAIN, this.doc.lshw) : LIST;
    return elementRef(PLAIN, this.doc.lshw);
  }

  /**
   * The element descendants of `ref` as ranges of stored elements, in document order:
   * [tree, from, to, tree, from, to, …]. (LIST, a descendant of DOC, is not included.)
   */
  descendantRanges(ref: number): number[] {
    const end = (e: number): number => this.t.end(e);
    const { lshw, lldp } = this.doc;
    const copies = (): number[] => {
      const out: number[] = [];
      if (lldp >= 0) out.push(LLDP_COPY, lldp, end(lldp));
      if (lshw >= 0) out.push(LSHW_COPY, lshw, end(lshw));
      return out;
    };
    if (ref === DOC || ref === LIST) {
      if (lshw >= 0) return [PLAIN, lshw, end(lshw), ...copies()];
      return lldp >= 0 ? [LLDP_COPY, lldp, end(lldp)] : [];
    }
    if (slotOf(ref) !== 0) return [];
    const tree = treeOf(ref);
    const e = elementOf(ref);
    const own = [tree, e + 1, end(e)];
    return tree === PLAIN && e === lshw ? [...own, ...copies()] : own;
  }

  attributes(ref: number): number[] {
    if (ref < 0 || slotOf(ref) !== 0) return [];
    const e = elementOf(ref);
    const count = this.t.attrEnd(e) - this.t.attrStart(e);
    const out: number[] = [];
    for (let k = 1; k <= count; k++) out.push(ref + k);
    return out;
  }

  /** Attribute table index of an attribute node. */
  attributeIndex(ref: number): number {
    return this.t.attrStart(elementOf(ref)) + slotOf(ref) - 1;
  }

  /** String id of a node's string-value; NeedsExact when it is not stored. */
  stringId(ref: number): number {
    if (ref < 0) throw NeedsExact.instance;
    if (slotOf(ref) !== 0) return this.t.attrValue(this.attributeIndex(ref));
    if (this.isLshwRoot(ref)) throw NeedsExact.instance; // it holds the copies too
    const id = this.t.text(elementOf(ref));
    if (id === NO_TEXT) throw NeedsExact.instance;
    return id;
  }

  stringValue(ref: number): string {
    return this.t.strings.values[this.stringId(ref)];
  }

  /** Local name, namespace URI and prefix of a node (for name(), local-name(), …). */
  nameParts(ref: number): { local: string; uri: string; prefix: string } {
    if (ref === DOC) return { local: '', uri: '', prefix: '' };
    if (ref === LIST) return { local: 'list', uri: '', prefix: '' };
    const values = this.t.strings.values;
    if (slotOf(ref) !== 0) return { local: values[this.t.attrName(this.attributeIndex(ref))], uri: '', prefix: '' };
    const local = values[this.t.name(elementOf(ref))];
    const tree = treeOf(ref);
    if (tree === PLAIN) return { local, uri: '', prefix: '' };
    const ns = tree === LLDP_COPY ? 'lldp' : 'lshw';
    return { local, uri: ns, prefix: ns };
  }
}
