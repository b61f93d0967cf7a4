// Which elements of a node's details does the definition being edited point at? A visual
// aid for the explorer only: whether a node MATCHES is decided in main by libxml2 with
// MAAS's semantics (the preview). Here the browser's own XPath 1.0 runs over the same
// composite MAAS builds (lshw root under `list`, namespaced copies appended to it), and
// each selected element is traced back to the element of the original document shown.
const NS: Record<string, string> = { lshw: 'lshw', lldp: 'lldp' };

export interface Composite {
  doc: XMLDocument;
  /** The context node MAAS evaluates from: the lshw root (or `list` without lshw). */
  context: Element;
  /** Composite element → the original element it was made from. */
  origin: Map<Node, Element>;
}

function copyInto(composite: XMLDocument, el: Element, ns: string | null, origin: Map<Node, Element>): Element {
  const out = ns === null ? composite.createElement(el.tagName) : composite.createElementNS(ns, `${ns}:${el.tagName}`);
  for (const a of Array.from(el.attributes)) out.setAttribute(a.name, a.value);
  origin.set(out, el);
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType === Node.ELEMENT_NODE) out.appendChild(copyInto(composite, child as Element, ns, origin));
    else if (child.nodeType === Node.TEXT_NODE) out.appendChild(composite.createTextNode(child.nodeValue ?? ''));
  }
  return out;
}

export function buildComposite(details: { lshw: Document | null; lldp: Document | null }): Composite {
  const doc = document.implementation.createDocument(null, 'list', null);
  const list = doc.documentElement;
  list.setAttribute('xmlns:lshw', 'lshw');
  list.setAttribute('xmlns:lldp', 'lldp');
  const origin = new Map<Node, Element>();
  let context: Element = list;
  if (details.lshw) context = list.appendChild(copyInto(doc, details.lshw.documentElement, null, origin));
  // Sorted by name, lshw included again (MAAS's merge_details).
  for (const [name, d] of [['lldp', details.lldp], ['lshw', details.lshw]] as const) {
    if (d) context.appendChild(copyInto(doc, d.documentElement, name, origin));
  }
  return { doc, context, origin };
}

function nodeSet(c: Composite, expression: string): Node[] | null {
  try {
    const r = c.doc.evaluate(expression, c.context, (p) => NS[p ?? ''] ?? null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
    return Array.from({ length: r.snapshotLength }, (_, i) => r.snapshotItem(i)!);
  } catch {
    return null; // not a node-set, or not valid for the browser
  }
}

/** Top-level operands of a boolean/comparison expression, outer function calls unwrapped. */
export function pathParts(expression: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  const s = expression;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quote) { if (ch === quote) quote = null; continue; }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (depth === 0) {
      const op = /^(!=|<=|>=|=|<|>|\|| and | or )/.exec(s.slice(i))?.[0];
      if (op) { parts.push(s.slice(start, i)); start = i + op.length; i += op.length - 1; }
    }
  }
  parts.push(s.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean).flatMap((p) => {
    const call = /^[\w-]+\((.*)\)$/s.exec(p);
    return call && call[1].trim() ? pathParts(call[1]) : [p];
  });
}

/** The original elements the definition selects, or refers to through its paths. */
export function highlighted(c: Composite, definition: string): Set<Element> {
  const out = new Set<Element>();
  const add = (nodes: Node[]) => {
    for (const n of nodes) {
      const el = n.nodeType === Node.ATTRIBUTE_NODE ? (n as Attr).ownerElement : n.nodeType === Node.ELEMENT_NODE ? (n as Element) : n.parentElement;
      const original = el ? c.origin.get(el) : undefined;
      if (original) out.add(original);
    }
  };
  const whole = nodeSet(c, definition);
  if (whole) add(whole);
  else for (const part of pathParts(definition)) add(nodeSet(c, part) ?? []);
  return out;
}
