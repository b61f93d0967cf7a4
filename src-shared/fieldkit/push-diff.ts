// The dry-run diff of a push: each captured node against the target's nodes, matched by MAC
// (a MAC is unique in MAAS, so it is the identity that survives renames and a second push).
// One pass builds MAC and hostname indexes of the target, so 2,000 against 10,000 is linear.
// Power parameters are compared by value where both sides were read; a secret one (the BMC
// password) is named when it differs, its value never put in the plan.
import type { FieldChange, PushItemPlan } from '../contract/fieldkit';
import { isSecretPowerParameter } from '../maas/power-secrets';

export interface DiffNode {
  systemId: string;
  hostname: string;
  macAddresses: string[];
  zone: string | null;
  powerType: string;
  tags: string[];
  /** As the server keeps them (secrets included); absent when not read, then not compared. */
  powerParameters?: Record<string, unknown>;
}

export interface TargetIndex {
  byMac: Map<string, DiffNode>;
  byHostname: Map<string, DiffNode>;
}

export function indexTarget(nodes: readonly DiffNode[]): TargetIndex {
  const byMac = new Map<string, DiffNode>();
  const byHostname = new Map<string, DiffNode>();
  for (const n of nodes) {
    for (const m of n.macAddresses) byMac.set(m.toLowerCase(), n);
    byHostname.set(n.hostname.toLowerCase(), n);
  }
  return { byMac, byHostname };
}

const zoneOf = (z: string | null) => z || 'default';

/** What pushing `s` would do, given the target as indexed. */
export function classify(s: DiffNode, t: TargetIndex): PushItemPlan {
  const base = { sourceId: s.systemId, hostname: s.hostname, macs: s.macAddresses };
  const owners = new Map<string, DiffNode>();
  for (const m of s.macAddresses) {
    const o = t.byMac.get(m.toLowerCase());
    if (o) owners.set(o.systemId, o);
  }
  const sameName = t.byHostname.get(s.hostname.toLowerCase());
  if (owners.size > 1) {
    const names = [...owners.values()].map((o) => `${o.hostname} (${o.systemId})`).join(', ');
    return { ...base, verdict: 'conflict', targetId: null, fields: [], reason: `its MACs are on different nodes of the target: ${names}` };
  }
  if (owners.size === 0) {
    if (sameName) {
      return { ...base, verdict: 'conflict', targetId: null, fields: [],
        reason: `hostname ${s.hostname} is taken on the target by ${sameName.systemId}, which has none of these MACs` };
    }
    return { ...base, verdict: 'create', targetId: null, fields: [], reason: null };
  }
  const found = [...owners.values()][0];
  const missing = s.macAddresses.filter((m) => !t.byMac.get(m.toLowerCase()));
  if (sameName && sameName.systemId !== found.systemId) {
    return { ...base, verdict: 'conflict', targetId: found.systemId, fields: [],
      reason: `MAC ${s.macAddresses.find((m) => t.byMac.get(m.toLowerCase()))} is on ${found.hostname} (${found.systemId}), but hostname ${s.hostname} is taken by ${sameName.systemId}` };
  }
  if (missing.length) {
    return { ...base, verdict: 'conflict', targetId: found.systemId, fields: [],
      reason: `${found.hostname} (${found.systemId}) has some of these MACs but not ${missing.join(', ')}` };
  }
  const fields: FieldChange[] = [];
  if (found.hostname !== s.hostname) fields.push({ field: 'hostname', from: found.hostname, to: s.hostname });
  if (zoneOf(found.zone) !== zoneOf(s.zone)) fields.push({ field: 'zone', from: zoneOf(found.zone), to: zoneOf(s.zone) });
  if (s.powerType && found.powerType !== s.powerType) fields.push({ field: 'power_type', from: found.powerType, to: s.powerType });
  const addTags = s.tags.filter((x) => !found.tags.includes(x));
  if (addTags.length) fields.push({ field: 'tags', from: found.tags.join(' '), to: [...found.tags, ...addTags].join(' ') });
  if (s.powerType) fields.push(...powerChanges(s.powerParameters, found.powerParameters));
  return { ...base, verdict: fields.length ? 'update' : 'identical', targetId: found.systemId, fields, reason: null };
}

const text = (v: unknown) => (v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));

/**
 * The captured node's power parameters that the target holds differently. Only parameters
 * the capture gives a value are compared: MAAS merges power_parameters_{name} into what it
 * keeps, so a parameter not captured is left as the target has it.
 */
export function powerChanges(captured: Record<string, unknown> | undefined, target: Record<string, unknown> | undefined): FieldChange[] {
  if (!captured || !target) return [];
  const out: FieldChange[] = [];
  for (const name of Object.keys(captured).sort()) {
    const to = text(captured[name]);
    const from = text(target[name]);
    if (to === '' || to === from) continue;
    out.push(isSecretPowerParameter(name) ? { field: name, from: '', to: 'changed', power: true, secret: true } : { field: name, from, to, power: true });
  }
  return out;
}

/** How a change reads in the diff and the report; a secret says only that it changes. */
export const describeChange = (f: FieldChange): string => (f.secret ? `${f.field}: changed` : `${f.field}: ${f.from || '—'} → ${f.to}`);

export function diffPush(source: readonly DiffNode[], target: readonly DiffNode[]): PushItemPlan[] {
  const t = indexTarget(target);
  return source.map((s) => classify(s, t));
}

/** Zones and tags the captured nodes use that the target lacks. */
export function missingNames(used: Iterable<string>, present: Iterable<string>): string[] {
  const have = new Set(present);
  return [...new Set(used)].filter((n) => n && !have.has(n)).sort();
}
