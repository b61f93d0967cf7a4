// Selecting by a pasted list: a technician scans or pastes hostnames, MACs or system ids,
// one per line (commas and tabs also split, as spreadsheets paste them). Every line either
// names nodes or is reported back as matching nothing — never silently dropped.
import { bareMac, type IndexedNode } from './node-index';

export interface PasteMatch {
  /** System ids matched, in the order of the lines that named them, without repeats. */
  matched: string[];
  /** Lines that named no node, as they were written. */
  unmatched: string[];
  /** How many non-empty lines were read. */
  lines: number;
}

/** MAAS writes MACs as 00:16:3e:..; people paste 00-16-3E-.. or 0016.3e.. too. */
const isMac = (s: string) => bareMac(s).length === 12 && /^[0-9a-f]{2}([:.-]?[0-9a-f]{2}){5}$|^[0-9a-f]{4}(\.[0-9a-f]{4}){2}$/i.test(s);

export function matchPastedList(text: string, entries: readonly IndexedNode[]): PasteMatch {
  const byHost = new Map<string, string[]>();
  const byId = new Map<string, string>();
  const byMac = new Map<string, string>();
  const add = (m: Map<string, string[]>, k: string, id: string) => {
    const list = m.get(k);
    if (list) list.push(id); else m.set(k, [id]);
  };
  for (const e of entries) {
    const id = e.node.systemId;
    byId.set(e.systemId, id);
    add(byHost, e.hostname, id);
    // "node-1" names "node-1.maas" too: technicians read short names off labels.
    const short = e.hostname.split('.')[0];
    if (short !== e.hostname) add(byHost, short, id);
    for (const m of e.macs) byMac.set(m, id);
  }
  const seen = new Set<string>();
  const matched: string[] = [];
  const unmatched: string[] = [];
  const items = text.split(/[\r\n,;\t]+/).map((s) => s.trim()).filter(Boolean);
  for (const item of items) {
    const k = item.toLowerCase();
    const ids = isMac(item) ? (byMac.has(bareMac(item)) ? [byMac.get(bareMac(item))!] : [])
      : byId.has(k) ? [byId.get(k)!] : byHost.get(k) ?? [];
    if (ids.length === 0) { unmatched.push(item); continue; }
    for (const id of ids) if (!seen.has(id)) { seen.add(id); matched.push(id); }
  }
  return { matched, unmatched, lines: items.length };
}
