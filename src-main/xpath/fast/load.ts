// Loading one detail into the element tables: libxml2 parses it alone, exactly as MAAS's
// merge_details parses each detail (so "does it parse" has libxml2's answer), and we walk
// the resulting tree straight out of WASM memory (struct offsets for libxml2 on wasm32;
// test/unit/xpath/fast-differential.test.ts compares every table-answered node with
// libxml2's own answer, which a wrong offset could not survive).
import type { Libxml, Pointer } from '../libxml';
import { ElementTables, MAX_DETAIL_ELEMENTS, NO_TEXT } from './store';

const NODE_TYPE = 4;
const NODE_NAME = 8;
const NODE_CHILDREN = 12;
const NODE_NEXT = 24;
const NODE_NS = 36;
const NODE_CONTENT = 40;
const NODE_PROPERTIES = 44;
const NODE_NS_DEF = 48;

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;
const PI = 7;
const COMMENT = 8;

/** The detail uses something the tables do not model (namespaces, entity references). */
export class NotModelled extends Error {}

export type LoadResult = { parsed: false } | { parsed: true; root: number };

export function loadDetail(libxml: Libxml, xml: string, tables: ElementTables): LoadResult {
  const doc = libxml.parse(xml);
  if (doc === null) return { parsed: false };
  if (libxml.hasDoctype(doc)) {
    // The exact path refuses internal subsets (composite.ts); DOCTYPEs stay with it.
    libxml.freeDoc(doc);
    throw new NotModelled('DOCTYPE');
  }
  const elements = tables.elementCount;
  try {
    // Nothing below allocates in WASM, so the memory view stays valid for the walk.
    const heap = libxml.words();
    const word = (pointer: Pointer): number => heap[pointer >> 2];
    const names = new Map<Pointer, number>();
    const nameOf = (pointer: Pointer): number => {
      let id = names.get(pointer);
      if (id === undefined) {
        id = tables.strings.intern(libxml.text(pointer));
        names.set(pointer, id);
      }
      return id;
    };
    let attrs = new Int32Array(32);
    const walk = (node: Pointer, parent: number): void => {
      if (word(node + NODE_NS) !== 0 || word(node + NODE_NS_DEF) !== 0) throw new NotModelled('namespace');
      let attrCount = 0;
      for (let attr = word(node + NODE_PROPERTIES); attr !== 0; attr = word(attr + NODE_NEXT)) {
        if (word(attr + NODE_NS) !== 0) throw new NotModelled('namespaced attribute');
        let value = '';
        for (let t = word(attr + NODE_CHILDREN); t !== 0; t = word(t + NODE_NEXT)) {
          if (word(t + NODE_TYPE) !== TEXT) throw new NotModelled('entity in attribute');
          value += libxml.text(word(t + NODE_CONTENT));
        }
        if (attrs.length < 2 * attrCount + 2) {
          const bigger = new Int32Array(attrs.length * 2);
          bigger.set(attrs);
          attrs = bigger;
        }
        attrs[2 * attrCount] = nameOf(word(attr + NODE_NAME));
        attrs[2 * attrCount + 1] = tables.strings.intern(value);
        attrCount++;
      }
      let leaf = true;
      for (let child = word(node + NODE_CHILDREN); child !== 0; child = word(child + NODE_NEXT)) {
        const type = word(child + NODE_TYPE);
        if (type === ELEMENT) leaf = false;
        else if (type !== TEXT && type !== CDATA && type !== COMMENT && type !== PI) throw new NotModelled(`node type ${type}`);
      }
      let text = NO_TEXT;
      if (leaf) {
        let value = '';
        for (let child = word(node + NODE_CHILDREN); child !== 0; child = word(child + NODE_NEXT)) {
          const type = word(child + NODE_TYPE);
          if (type === TEXT || type === CDATA) value += libxml.text(word(child + NODE_CONTENT));
        }
        text = tables.strings.intern(value);
      }
      const index = tables.open(tables.records.intern(nameOf(word(node + NODE_NAME)), text, attrs, attrCount), parent);
      if (!leaf) {
        for (let child = word(node + NODE_CHILDREN); child !== 0; child = word(child + NODE_NEXT)) {
          if (word(child + NODE_TYPE) === ELEMENT) walk(child, index);
        }
      }
      tables.close(index);
    };
    const root = tables.elementCount;
    walk(libxml.rootElement(doc), -1);
    if (tables.elementCount - root > MAX_DETAIL_ELEMENTS) throw new NotModelled('more elements than the tables hold');
    return { parsed: true, root };
  } catch (error) {
    tables.truncate(elements);
    throw error;
  } finally {
    libxml.freeDoc(doc);
  }
}
