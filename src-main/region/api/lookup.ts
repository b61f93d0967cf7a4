// Shared lookups for handlers: lists of system ids, MACs, hostnames, zones.
import { normaliseMac } from '../../../src-shared/maas/index';
import { RegionError, badRequest, notFound } from '../http/errors';
import { fieldError } from './form';
import { clip, type Params } from '../http/params';
import type { RegionCore } from '../region-core';
import { findNodes } from '../stores/node-query';
import type { NodeRow } from '../stores/nodes-store';
import type { ZoneRow } from '../stores/zones-store';

/** A repeated parameter as a list, empty values dropped. */
export const list = (p: Params, name: string): string[] => p.all(name).map((v) => v.trim()).filter((v) => v !== '');

/** A list parameter whose values may also be comma/space separated ("tags=a,b"). */
export const splitList = (p: Params, name: string): string[] => list(p, name).flatMap((v) => v.split(/[,\s]+/)).filter(Boolean);

/** Every system id must exist (MAAS: 400 "Unknown node(s)"); returned in request order. */
export function nodesByIds(core: RegionCore, ids: string[], installable = true): NodeRow[] {
  const unique = [...new Set(ids)];
  const rows = findNodes(core.db, { installable, systemIds: unique });
  if (rows.length !== unique.length) {
    const found = new Set(rows.map((r) => r.system_id));
    throw badRequest(`Unknown node(s): ${unique.filter((i) => !found.has(i)).map((i) => clip(i)).join(', ')}.`);
  }
  const byId = new Map(rows.map((r) => [r.system_id, r]));
  return unique.map((i) => byId.get(i)!);
}

export function macList(p: Params, name: string): string[] | undefined {
  const raw = list(p, name);
  if (!raw.length) return undefined;
  const bad = raw.filter((m) => normaliseMac(m) === null);
  if (bad.length) throw badRequest(`Invalid MAC address(es): ${bad.map((b) => clip(b)).join(', ')}.`);
  return raw.map((m) => normaliseMac(m)!);
}

export function zoneNamed(core: RegionCore, name: string, param = 'zone'): ZoneRow {
  const z = core.zones.byName(name);
  if (!z) throw badRequest(`${param}: no zone named "${clip(name)}".`);
  return z;
}

export function nodeOr404(core: RegionCore, systemId: string, installable = true): NodeRow {
  const n = core.nodes.bySystemId(systemId);
  if (!n || (n.installable === 1) !== installable) throw notFound(installable ? `Node ${clip(systemId)}` : `Device ${clip(systemId)}`);
  return n;
}

const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;

/** Null when `h` is a valid hostname (RFC 1123 labels, as MAAS's validate_hostname). */
/** hostnameProblem as the form error MAAS answered ({"hostname": [...]}), or null. */
export function hostnameError(h: string): RegionError | null {
  const p = hostnameProblem(h);
  return p ? fieldError('hostname', p.replace(/^hostname: /, '')) : null;
}

export function hostnameProblem(h: string): string | null {
  if (h.length > 255) return 'hostname: at most 255 characters.';
  if (!h.split('.').every((l) => LABEL.test(l))) {
    return `hostname: "${clip(h)}" is not a valid hostname (letters, digits and "-", labels separated by ".").`;
  }
  return null;
}
