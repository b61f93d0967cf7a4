// MAAS's merge_details composite, built as ONE string and parsed once (MAAS:
// src/provisioningserver/tags.py; shared/reference/xpath-tags.md):
//
//   <list xmlns:lshw="lshw" xmlns:lldp="lldp">      ← document root; absolute paths start here
//     <node id="…" class="system">                  ← lshw root: context node for relative paths
//       …original, unqualified lshw…
//       <lldp:…>…</lldp:…>                           ← namespaced copies, details in sorted order,
//       <lshw:node>…</lshw:node>                       lshw included, appended to the lshw root
//     </node>
//   </list>
//
// Without a (parseable) lshw, `list` is the root and the copies are its children. A detail
// that does not parse alone is dropped. The `list` element declares a namespace for every
// detail name MAAS knows (its details map always has both keys, lshw first).
import { scanDetail, type DetailScan } from './detail-scan';

export interface NodeDetails {
  lshw?: string | null;
  lldp?: string | null;
}

/** Detail names in the order MAAS appends the namespaced copies (sorted). */
const SORTED_NAMES = ['lldp', 'lshw'] as const;
type DetailName = (typeof SORTED_NAMES)[number];

export const LIST_OPEN = '<list xmlns:lshw="lshw" xmlns:lldp="lldp">';
export const BARE_LIST = '<list xmlns:lshw="lshw" xmlns:lldp="lldp"/>';

export interface CompositePlan {
  /** The composite document's text. */
  text: string;
  /** True when the lshw root is the context node (else it is `list`). */
  lshwIsRoot: boolean;
}

/** A detail as scanned, or null when MAAS would drop it. */
type Scanned = { text: string; scan: DetailScan } | null;

/**
 * Decides which details MAAS would keep. `parsesAlone` is asked only about unusual
 * details (see detail-scan.ts); `distrust` forces it for all (after a composite that did
 * not parse, to find the culprit).
 */
function scanAll(
  details: NodeDetails,
  parsesAlone: (xml: string) => boolean,
  distrust: boolean,
): Record<DetailName, Scanned> {
  const result = { lldp: null, lshw: null } as Record<DetailName, Scanned>;
  for (const name of SORTED_NAMES) {
    const text = details[name];
    if (text === null || text === undefined) continue;
    const scan = scanDetail(text, name);
    // A DOCTYPE internal subset may declare entities, which lxml would expand; we never
    // expand entities (security), so such a detail is treated as one that does not parse.
    if (scan === null || scan.internalSubset) continue;
    if ((scan.unusual || distrust) && !parsesAlone(text)) continue;
    result[name] = { text, scan };
  }
  return result;
}

export function buildComposite(
  details: NodeDetails,
  parsesAlone: (xml: string) => boolean,
  distrust = false,
): CompositePlan {
  const kept = scanAll(details, parsesAlone, distrust);
  const copies = SORTED_NAMES.map((name) => kept[name]?.scan.namespacedCopy ?? '').join('');
  const lshw = kept.lshw;
  if (lshw === null) {
    return { text: copies === '' ? BARE_LIST : `${LIST_OPEN}${copies}</list>`, lshwIsRoot: false };
  }
  const { text, scan } = lshw;
  let root: string;
  if (scan.rootCloseStart >= 0) {
    root = text.slice(scan.rootStart, scan.rootCloseStart) + copies + text.slice(scan.rootCloseStart, scan.rootEnd);
  } else {
    // An empty-element root (`<node/>`) gets its children all the same.
    const open = text.slice(scan.rootStart, scan.rootEnd - 2);
    root = `${open}>${copies}</${scan.rootName}>`;
  }
  return { text: `${LIST_OPEN}${root}</list>`, lshwIsRoot: true };
}
