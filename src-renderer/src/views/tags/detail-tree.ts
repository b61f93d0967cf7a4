// A node's lshw (or LLDP) XML as a flat, collapsible tree for the explorer: parsed with the
// browser's DOMParser (which loads no DTD and expands no external entity), and refused
// outright if it carries a DOCTYPE — lshw never does, and an internal subset is how entity
// tricks start. The tree is a pre-order array so the explorer can virtualise its rows.

export class DetailXmlError extends Error {}

export function parseDetailXml(text: string): Document {
  if (/<!DOCTYPE/i.test(text)) throw new DetailXmlError('This document has a DOCTYPE; the console does not open documents that declare one.');
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0 || doc.doctype !== null) {
    throw new DetailXmlError('This document is not well-formed XML.');
  }
  return doc;
}

export interface TreeItem {
  index: number;
  el: Element;
  depth: number;
  parent: number;
  /** Index just past this item's subtree. */
  end: number;
  hasChildren: boolean;
  /** Attributes as shown, `id="cpu:0" class="processor"`. */
  attrs: string;
  /** The element's own text when it has no element children (a value like `AMD EPYC`). */
  text: string | null;
  /** Lower-cased name, attributes and text, for search. */
  haystack: string;
}

export function flatten(root: Element): TreeItem[] {
  const items: TreeItem[] = [];
  const walk = (el: Element, depth: number, parent: number): void => {
    const index = items.length;
    const kids = Array.from(el.children);
    const attrs = Array.from(el.attributes).map((a) => `${a.name}="${a.value}"`).join(' ');
    const text = kids.length === 0 ? (el.textContent ?? '').trim() || null : null;
    const item: TreeItem = {
      index, el, depth, parent, end: index + 1, hasChildren: kids.length > 0, attrs, text,
      haystack: `${el.tagName} ${attrs} ${text ?? ''}`.toLowerCase(),
    };
    items.push(item);
    for (const k of kids) walk(k, depth + 1, index);
    item.end = items.length;
  };
  walk(root, 0, -1);
  return items;
}

/** The rows a reader sees: every item whose ancestors are all expanded. */
export function visibleRows(items: TreeItem[], expanded: ReadonlySet<number>): TreeItem[] {
  const rows: TreeItem[] = [];
  let i = 0;
  while (i < items.length) {
    const item = items[i];
    rows.push(item);
    i = item.hasChildren && !expanded.has(i) ? item.end : i + 1;
  }
  return rows;
}

/** Indexes of the items whose name, attributes or text contain the query (case-insensitive). */
export function searchItems(items: TreeItem[], query: string): number[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  return items.filter((it) => it.haystack.includes(q)).map((it) => it.index);
}

/** Every ancestor of the given items (what must be expanded to show them). */
export function ancestorsOf(items: TreeItem[], indexes: Iterable<number>): Set<number> {
  const out = new Set<number>();
  for (const start of indexes) {
    for (let p = items[start].parent; p >= 0 && !out.has(p); p = items[p].parent) out.add(p);
  }
  return out;
}

/** The first levels expanded, as a reader opening lshw expects (system, core, buses). */
export function initiallyExpanded(items: TreeItem[], depth = 2): Set<number> {
  return new Set(items.filter((it) => it.hasChildren && it.depth < depth).map((it) => it.index));
}
