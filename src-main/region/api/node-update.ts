// PUT nodes/{system_id}/ (MAAS 1.8 NodeForm / AdminNodeForm). Admin-only fields sent by a
// non-admin are refused with 403 (MAAS ignored them silently; a console user should know).
import { badRequest, forbidden } from '../http/errors';
import type { Ctx } from '../http/context';
import { clip } from '../http/params';
import type { RegionCore } from '../region-core';
import type { NodeFields, NodeRow } from '../stores/nodes-store';
import { hostnameProblem, zoneNamed } from './lookup';
import { checkedPowerParams, mergePower, readPowerChange } from './power-params';

const ADMIN_FIELDS = ['power_type', 'zone', 'cpu_count', 'memory', 'storage'];
const SUFFIX: Record<string, number> = { K: 1e3, M: 1e6, G: 1e9, T: 1e12 };

/** MAAS's swap_size: bytes, with K/M/G/T suffixes. */
export function parseSwap(v: string): number | null {
  if (v.trim() === '') return null;
  const m = /^(\d+(?:\.\d+)?)([KMGT])?$/i.exec(v.trim());
  if (!m) throw badRequest(`swap_size: "${clip(v)}" is not a size (bytes, or with a K, M, G or T suffix).`);
  return Math.round(Number(m[1]) * (m[2] ? SUFFIX[m[2].toUpperCase()] : 1));
}

export function updateNode(core: RegionCore, ctx: Ctx, n: NodeRow): NodeRow {
  const p = ctx.params;
  const admin = ctx.user!.isSuperuser;
  const adminAsked = p.names().filter((k) => ADMIN_FIELDS.includes(k) || k.startsWith('power_parameters'));
  if (!admin && adminAsked.length) throw forbidden(`Only administrators can change ${adminAsked.join(', ')}.`);
  const f: NodeFields = {};
  const hostname = p.get('hostname')?.trim();
  if (hostname !== undefined && hostname !== n.hostname) {
    const problem = hostnameProblem(hostname);
    if (problem) throw badRequest(problem);
    if (core.nodes.byHostname(hostname)) throw badRequest('hostname: Node with this Hostname already exists.');
    f.hostname = hostname;
  }
  const arch = p.get('architecture')?.trim();
  if (arch !== undefined) {
    if (!/^[a-z0-9_-]+\/[a-z0-9_.-]+$/i.test(arch)) throw badRequest(`architecture: "${clip(arch)}" is not a valid architecture.`);
    f.architecture = arch;
  }
  if (p.has('zone')) f.zone_id = zoneNamed(core, p.get('zone') ?? '').id;
  for (const k of ['cpu_count', 'memory', 'storage'] as const) {
    const v = p.int(k, { min: 0 });
    if (v !== undefined) f[k] = v;
  }
  if (p.has('swap_size')) f.swap_size = parseSwap(p.get('swap_size') ?? '');
  const boot = p.get('boot_type');
  if (boot !== undefined) {
    if (boot !== 'fastpath' && boot !== 'di') throw badRequest(`boot_type: "${clip(boot)}" is not one of fastpath, di.`);
    f.boot_type = boot;
  }
  const power = readPowerChange(p, core.power.types, n.power_type);
  core.tx(() => {
    core.nodes.update(n.id, f);
    if (power.given) {
      const merged = mergePower(core.nodes.powerParams(n.id), n.power_type, power, core.power.types);
      // The whole set as it will run: a value stored by an older version that no longer
      // passes must be corrected in the same request.
      const params = checkedPowerParams(merged.type, merged.params, true);
      core.nodes.update(n.id, { power_type: merged.type });
      core.nodes.setPowerParams(n.id, params);
    }
  });
  return core.nodes.byId(n.id)!;
}
