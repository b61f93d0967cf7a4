// devices/ and devices/{system_id}/ (MAAS 1.8 DevicesHandler / DeviceHandler): non-installable
// nodes owned by whoever created them.
import { NodeStatus as S } from '../../../src-shared/maas/index';
import { badRequest } from '../http/errors';
import { json, noContent, type Ctx, type OpTable } from '../http/context';
import { clip } from '../http/params';
import type { RegionCore } from '../region-core';
import { fieldError } from './form';
import { findNodes } from '../stores/node-query';
import { DEFAULT_ZONE_ID } from '../stores/zones-store';
import { checkNode, userOf, type Perm } from './access';
import { checkNewIdentity } from './enlist';
import { hostnameError, list, macList, nodeOr404 } from './lookup';
import { devicesJson } from './node-json';
import { stickyIpOps } from './sticky-ips';

function parentOf(core: RegionCore, ctx: Ctx): number | undefined {
  const parent = ctx.params.get('parent');
  if (parent === undefined || parent === '') return undefined;
  const n = core.nodes.bySystemId(parent);
  if (!n || n.installable !== 1) throw fieldError('parent', `no node "${clip(parent)}".`);
  return n.id;
}

export function devicesOps(core: RegionCore): OpTable {
  return {
    'GET list': (ctx) => {
      const u = userOf(ctx);
      const ids = list(ctx.params, 'id');
      const hostnames = list(ctx.params, 'hostname');
      return json(devicesJson(core.db, findNodes(core.db, {
        installable: false, systemIds: ids.length ? ids : undefined, hostnames: hostnames.length ? hostnames : undefined,
        macs: macList(ctx.params, 'mac_address'), visibleToUserId: u.isSuperuser ? null : u.id,
      })));
    },
    'POST new': (ctx) => {
      const u = userOf(ctx);
      const parentId = parentOf(core, ctx);
      const row = core.tx(() => {
        const { macs, hostname } = checkNewIdentity(core, ctx, true);
        const n = core.nodes.insert({ hostname, installable: false, status: S.NEW, ownerId: u.id, parentId, zoneId: DEFAULT_ZONE_ID });
        for (const m of macs) core.nodes.addMac(n.id, m);
        return n;
      });
      return json(devicesJson(core.db, [row])[0]);
    },
  };
}

export function deviceOps(core: RegionCore): OpTable {
  const device = (ctx: Ctx, perm: Perm) => checkNode(userOf(ctx), nodeOr404(core, ctx.args[0], false), perm, 'Device');
  return {
    GET: (ctx) => json(devicesJson(core.db, [device(ctx, 'view')])[0]),
    PUT: (ctx) => {
      const d = device(ctx, 'edit');
      const hostname = ctx.params.get('hostname')?.trim();
      const parentId = parentOf(core, ctx);
      core.tx(() => {
        if (hostname !== undefined && hostname !== d.hostname) {
          const e = hostnameError(hostname);
          if (e) throw e;
          if (core.nodes.byHostname(hostname)) throw fieldError('hostname', 'Node with this Hostname already exists.');
          core.nodes.update(d.id, { hostname });
        }
        if (parentId !== undefined) core.nodes.update(d.id, { parent_id: parentId });
      });
      return json(devicesJson(core.db, [core.nodes.byId(d.id)!])[0]);
    },
    DELETE: (ctx) => {
      const d = device(ctx, 'edit');
      core.tx(() => core.nodes.delete(d.id));
      return noContent();
    },
    ...stickyIpOps(core, false),
  };
}
