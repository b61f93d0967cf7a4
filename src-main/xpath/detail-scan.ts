// One linear scan of a detail document (lshw or LLDP XML) that finds its root element and
// writes the namespaced copy MAAS's merge_details makes (every unqualified element moved
// into the namespace named like the detail: `<node>` → `<lshw:node>`), without parsing.
//
// The scan is deliberately not a parser: libxml2 parses the composite afterwards and is
// the judge of well-formedness. What the scan must get right is the cases where a detail
// would NOT parse on its own (as MAAS parses it) yet would inside the composite; anything
// unusual (namespace declarations, prefixed names, a DOCTYPE, an odd XML declaration,
// CDATA or text outside the root) marks the detail `unusual`, and the caller then asks
// libxml2 to parse the detail alone first.

export interface DetailScan {
  /** Index of the root start tag's `<`. */
  rootStart: number;
  /** Index of the root end tag's `</`, or -1 when the root is an empty-element tag. */
  rootCloseStart: number;
  /** Index just after the root element's last `>`. */
  rootEnd: number;
  /** The root element's name (to close a self-closed root). */
  rootName: string;
  /** The root element re-written with every unprefixed element name given `prefix:`. */
  namespacedCopy: string;
  /** True when only a standalone parse can tell whether MAAS would accept the detail. */
  unusual: boolean;
  /** True when the detail has a DOCTYPE with an internal subset (entities): refused. */
  internalSubset: boolean;
}

const XML_DECLARATION =
  /^<\?xml\s+version\s*=\s*(["'])1\.[0-9]+\1(\s+encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?(\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*\?>/;
const NAME_END = /[\s/>]/g;
const DEFAULT_NAMESPACE = /(^|\s)xmlns\s*=\s*(?:"([^"]*)"|'([^']*)')/;

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return false;
  }
  return true;
}

/** Index just after the `>` closing a tag that starts at `from`, skipping quoted values. */
function tagEnd(text: string, from: number): number {
  let quote = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e) return i + 1;
  }
  return -1;
}

/** True when a start tag declares namespaces or uses a prefixed attribute name. */
function hasNamespaceSyntax(tag: string): boolean {
  if (tag.includes('xmlns')) return true;
  if (!tag.includes(':')) return false;
  let quote = 0;
  for (let i = 0; i < tag.length; i++) {
    const c = tag.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3a) return true;
  }
  return false;
}

function nameAt(text: string, from: number): string {
  NAME_END.lastIndex = from;
  const match = NAME_END.exec(text);
  return text.slice(from, match ? match.index : text.length);
}

/** Scans a detail; null when it certainly does not parse (no root element, unclosed markup). */
export function scanDetail(text: string, prefix: string): DetailScan | null {
  let unusual = false;
  let internalSubset = false;
  let depth = 0;
  /** Per open element depth: is an unprefixed name there in a default namespace? */
  const defaultNamespace: boolean[] = [];
  let rootStart = -1;
  let rootCloseStart = -1;
  let rootEnd = -1;
  let rootName = '';
  const out: string[] = [];
  let copiedUpTo = -1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const start = i;
  let pos = text.indexOf('<', i);
  if (pos < 0) return null;
  if (pos > i && (depth === 0) && !isBlank(text, i, pos)) unusual = true;
  while (pos >= 0) {
    const next = text.charCodeAt(pos + 1);
    if (next === 0x21 /* ! */) {
      if (text.startsWith('<!--', pos)) {
        const end = text.indexOf('-->', pos + 4);
        if (end < 0) return null;
        i = end + 3;
      } else if (text.startsWith('<![CDATA[', pos)) {
        const end = text.indexOf(']]>', pos + 9);
        if (end < 0) return null;
        if (depth === 0) unusual = true;
        i = end + 3;
      } else if (text.startsWith('<!DOCTYPE', pos) && depth === 0 && rootStart < 0) {
        unusual = true;
        const open = text.indexOf('[', pos);
        const close = tagEnd(text, pos);
        if (close < 0) return null;
        if (open >= 0 && open < close) {
          internalSubset = true;
          const subsetEnd = text.indexOf(']', open);
          if (subsetEnd < 0) return null;
          const end = text.indexOf('>', subsetEnd);
          if (end < 0) return null;
          i = end + 1;
        } else i = close;
      } else return null;
    } else if (next === 0x3f /* ? */) {
      const end = text.indexOf('?>', pos + 2);
      if (end < 0) return null;
      const target = nameAt(text, pos + 2);
      if (target.toLowerCase() === 'xml') {
        if (pos !== start || !XML_DECLARATION.test(text.slice(pos, end + 2))) unusual = true;
      } else if (target.includes(':')) unusual = true;
      i = end + 2;
    } else if (next === 0x2f /* / */) {
      const end = text.indexOf('>', pos + 2);
      if (end < 0) return null;
      const name = nameAt(text, pos + 2);
      if (depth === 0) return null;
      if (name.includes(':')) unusual = true;
      else if (depth > 0 && !defaultNamespace[depth - 1]) {
        out.push(text.slice(copiedUpTo, pos + 2), prefix, ':');
        copiedUpTo = pos + 2;
      }
      depth--;
      i = end + 1;
      if (depth === 0) {
        rootCloseStart = pos;
        rootEnd = i;
      }
    } else {
      const end = tagEnd(text, pos + 1);
      if (end < 0) return null;
      const name = nameAt(text, pos + 1);
      if (name.length === 0) return null;
      if (depth === 0) {
        if (rootStart >= 0) return null; // a second root element: "Extra content"
        rootStart = pos;
        rootName = name;
        copiedUpTo = pos;
      }
      const attributes = text.slice(pos + 1 + name.length, end);
      if (name.includes(':') || hasNamespaceSyntax(attributes)) unusual = true;
      // MAAS moves only elements in no namespace (`iter("{}*")`): under a default
      // namespace declaration an unprefixed name keeps that namespace in the copy.
      const declared = DEFAULT_NAMESPACE.exec(attributes);
      const inDefault = declared !== null ? (declared[2] ?? declared[3]) !== '' : depth > 0 && defaultNamespace[depth - 1];
      defaultNamespace[depth] = inDefault;
      if (!name.includes(':') && !inDefault) {
        out.push(text.slice(copiedUpTo, pos + 1), prefix, ':');
        copiedUpTo = pos + 1;
      }
      const selfClosing = text.charCodeAt(end - 2) === 0x2f;
      i = end;
      if (!selfClosing) depth++;
      else if (depth === 0) {
        rootCloseStart = -1;
        rootEnd = end;
      }
    }
    pos = text.indexOf('<', i);
    if (depth === 0) {
      // Only white space may stand between top-level markup.
      if (!isBlank(text, i, pos < 0 ? text.length : pos)) unusual = true;
    }
  }
  if (rootStart < 0 || depth !== 0 || rootEnd < 0) return null;
  out.push(text.slice(copiedUpTo, rootEnd));
  return {
    rootStart,
    rootCloseStart,
    rootEnd,
    rootName,
    namespacedCopy: out.join(''),
    unusual,
    internalSubset,
  };
}
