// nodes op=acquire: the first Ready, unowned node meeting every constraint (AND), as MAAS
// 1.8's AcquireNodeForm. Constraints naming things that do not exist are a 400, as MAAS's
// form validation made them; no matching node is a 409.
import { NodeStatus as S, type Api1Node } from '../../../src-shared/maas/index';
import { badRequest, conflict } from '../http/errors';
import type { Ctx } from '../http/context';
import { clip } from '../http/params';
import type { RegionCore } from '../region-core';
import { findNodes } from '../stores/node-query';
import { userOf } from './access';
import { macList, splitList, list } from './lookup';
import { nodesJson } from './node-json';
import { networkIds, networksOfNode } from './network-constraint';

/** "amd64" means any amd64 subarchitecture (MAAS get_architecture_wildcards). */
const archMatches = (want: string, have: string): boolean =>
  want.includes('/') ? want === have : have.split('/')[0] === want || (want === 'arm' && have.startsWith('armhf/'));

export function acquireNode(core: RegionCore, ctx: Ctx): Api1Node {
  const u = userOf(ctx);
  const p = ctx.params;
  const name = p.get('name')?.trim() || undefined;
  const arch = p.get('arch')?.trim() || undefined;
  const cpu = p.number('cpu_count');
  const mem = p.number('mem');
  const tags = splitList(p, 'tags');
  const notTags = splitList(p, 'not_tags');
  const connected = macList(p, 'connected_to') ?? [];
  const notConnected = macList(p, 'not_connected_to') ?? [];
  const zone = p.get('zone')?.trim() || undefined;
  const notInZone = splitList(p, 'not_in_zone');
  const agentName = p.get('agent_name') ?? '';
  const nets = networkIds(core.db, list(p, 'networks'), 'networks');
  const notNets = networkIds(core.db, list(p, 'not_networks'), 'not_networks');
  const unknownTags = [...tags, ...notTags].filter((t) => !core.tags.byName(t));
  if (unknownTags.length) throw badRequest(`No such tag(s): ${unknownTags.map((t) => `'${clip(t)}'`).join(', ')}.`);
  const unknownZones = [zone, ...notInZone].filter((z): z is string => z !== undefined && !core.zones.byName(z));
  if (unknownZones.length) throw badRequest(`No such zone(s): ${unknownZones.map((z) => clip(z)).join(', ')}.`);

  return core.tx(() => {
    const candidates = findNodes(core.db, { installable: true, statuses: [S.READY], ownerId: null, zone });
    const notZoneIds = new Set(notInZone.map((z) => core.zones.byName(z)!.id));
    const pick = candidates.find((n) => {
      if (name && n.hostname !== name && n.hostname.split('.')[0] !== name) return false;
      if (arch && !archMatches(arch, n.architecture)) return false;
      if (cpu !== undefined && n.cpu_count < cpu) return false;
      if (mem !== undefined && n.memory < mem) return false;
      if (n.zone_id !== null && notZoneIds.has(n.zone_id)) return false;
      if (tags.length || notTags.length) {
        const have = new Set(core.tags.tagNamesOf(n.id));
        if (!tags.every((t) => have.has(t)) || notTags.some((t) => have.has(t))) return false;
      }
      if (connected.length || notConnected.length) {
        const routers = new Set(JSON.parse(n.routers) as string[]);
        if (!connected.every((m) => routers.has(m)) || notConnected.some((m) => routers.has(m))) return false;
      }
      if (nets.length || notNets.length) {
        const on = networksOfNode(core.db, n.id);
        if (!nets.every((id) => on.has(id)) || notNets.some((id) => on.has(id))) return false;
      }
      return true;
    });
    if (!pick) {
      const given = p.names().filter((k) => k !== 'op' && k !== 'agent_name').map((k) => `${k}=${clip(p.all(k).join(','), 40)}`);
      throw conflict(`No available node matches constraints: ${given.length ? given.join(', ') : '(none)'}.`);
    }
    core.changeStatus(pick, S.ALLOCATED);
    core.nodes.update(pick.id, { owner_id: u.id, token_id: ctx.token?.id ?? null, agent_name: agentName });
    return nodesJson(core.db, [core.nodes.byId(pick.id)!])[0];
  });
}
