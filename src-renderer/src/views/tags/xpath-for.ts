// From a clicked element to an XPath that selects it in MAAS's composite document, and a
// tag definition using it. MAAS evaluates relative paths from the lshw root but absolute
// ones from a `list` element above it (shared/reference/xpath-tags.md), so a path with no
// unique anchor starts `/list/node`; LLDP lives only in the namespaced copy (`lldp:`).

export type DetailKind = 'lshw' | 'lldp';

/** An XPath string literal for any text (XPath 1.0 has no escapes: concat() when both quotes occur). */
export function literal(text: string): string {
  if (!text.includes('"')) return `"${text}"`;
  if (!text.includes("'")) return `'${text}'`;
  return `concat(${text.split('"').map((part) => `"${part}"`).join(`, '"', `)})`;
}

const nameOf = (el: Element, kind: DetailKind): string => (kind === 'lldp' ? `lldp:${el.tagName}` : el.tagName);

function isUniqueId(el: Element): boolean {
  const id = el.getAttribute('id');
  if (id === null) return false;
  let seen = 0;
  for (const other of Array.from(el.ownerDocument.getElementsByTagName(el.tagName))) {
    if (other.getAttribute('id') === id && ++seen > 1) return false;
  }
  return true;
}

function step(el: Element, kind: DetailKind): string {
  const id = el.getAttribute('id');
  if (id !== null) return `${nameOf(el, kind)}[@id=${literal(id)}]`;
  const same = Array.from(el.parentElement?.children ?? []).filter((s) => s.tagName === el.tagName);
  return same.length > 1 ? `${nameOf(el, kind)}[${same.indexOf(el) + 1}]` : nameOf(el, kind);
}

/**
 * An XPath selecting `el`: anchored on the nearest element with a unique id, else from the
 * top. The root is never an anchor and takes no predicate: lshw names it after the
 * machine's hostname, which would tie a definition to one node.
 */
export function xpathFor(el: Element, kind: DetailKind = 'lshw'): string {
  const steps: string[] = [];
  for (let at: Element | null = el; at; at = at.parentElement) {
    const root = at.parentElement === null;
    if (!root && isUniqueId(at)) return `//${[step(at, kind), ...steps].join('/')}`;
    steps.unshift(root ? nameOf(at, kind) : step(at, kind));
  }
  // lshw's root sits under MAAS's `list`; the LLDP copy sits under the lshw root (any depth).
  return kind === 'lldp' ? `//${steps.join('/')}` : `/list/${steps.join('/')}`;
}

/**
 * A ready tag definition: the element's value when it has one (its text, or lshw's
 * `value` attribute of a `setting`), else that it exists. An lshw capability's text only
 * describes its id, so a capability is matched by being there.
 */
export function definitionFor(el: Element, kind: DetailKind = 'lshw'): string {
  const path = xpathFor(el, kind);
  if (kind === 'lshw' && el.tagName === 'capability') return path;
  const text = el.children.length === 0 ? (el.textContent ?? '').trim() : '';
  if (text !== '') return `${path} = ${literal(text)}`;
  const value = el.getAttribute('value');
  return value === null ? path : `${path}/@value = ${literal(value)}`;
}
