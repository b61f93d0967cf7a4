// nodes/ — the collection (MAAS 1.8 NodesHandler / AnonNodesHandler).
import { NodeStatus as S, RELEASABLE_STATUSES, TIMEOUT_MINUTES, displayStatus } from '../../../src-shared/maas/index';
import { badRequest, conflict, forbidden } from '../http/errors';
import { json, text, type OpTable, type Ctx } from '../http/context';

import type { RegionCore } from '../region-core';
import { findNodes, type NodeFilter } from '../stores/node-query';
import { NodeListCache } from './node-list-cache';
import { canEdit, canView, requireAdmin, userOf } from './access';
import { acquireNode } from './acquire';
import { list, macList, nodesByIds, zoneNamed } from './lookup';
import { enlistNode } from './enlist';
import { nodesJson } from './node-json';
import { powerOffReleased } from './node-power';
import type { NodeRow } from '../stores/nodes-store';

export function nodesOps(core: RegionCore): OpTable {
  const listFilter = (ctx: Ctx): NodeFilter => {
    const u = userOf(ctx);
    return {
      installable: true,
      systemIds: list(ctx.params, 'id').length ? list(ctx.params, 'id') : undefined,
      hostnames: list(ctx.params, 'hostname').length ? list(ctx.params, 'hostname') : undefined,
      macs: macList(ctx.params, 'mac_address'),
      zone: ctx.params.get('zone') || undefined,
      agentName: ctx.params.get('agent_name'),
      visibleToUserId: u.isSuperuser ? null : u.id,
    };
  };

  const listCache = new NodeListCache(core.db);
  return {
    'GET list': (ctx) => ({ body: listCache.list(listFilter(ctx)), contentType: 'application/json; charset=utf-8' }),

    'POST new': async (ctx) => json(await enlistNode(core, ctx)),

    'POST accept': (ctx) => {
      requireAdmin(ctx, 'Accepting nodes');
      const changed = core.tx(() => {
        const out: string[] = [];
        for (const n of nodesByIds(core, list(ctx.params, 'nodes'))) {
          // MAAS accept_enlistment: Ready/Commissioning count as accepted already.
          if (n.status === S.READY || n.status === S.COMMISSIONING) continue;
          if (n.status !== S.NEW) {
            throw conflict(`Cannot accept node enlistment: node ${n.system_id} is in state ${displayStatus(n.status)}.`);
          }
          core.startCommissioning(n);
          out.push(n.system_id);
        }
        return out;
      });
      return json(changed);
    },

    'POST accept_all': (ctx) => {
      requireAdmin(ctx, 'Accepting nodes');
      const changed = core.tx(() => {
        const news = findNodes(core.db, { installable: true, statuses: [S.NEW] });
        return news.map((n) => core.startCommissioning(n));
      });
      return json(nodesJson(core.db, changed.map((n) => core.nodes.byId(n.id)!)));
    },

    'POST release': (ctx) => {
      const u = userOf(ctx);
      const nodes = nodesByIds(core, list(ctx.params, 'nodes'));
      const denied = nodes.filter((n) => !canEdit(u, n));
      if (denied.length) {
        throw forbidden(`You don't have the required permission to release the following node(s): ${denied.map((n) => n.system_id).join(', ')}.`);
      }
      // MAAS releases every node it can, then answers 409 naming the rest: the released
      // ones stay released (shared/reference/maas-behaviour.md "Bulk operations").
      const { released, refused } = core.tx(() => {
        const ok: NodeRow[] = [];
        const no: string[] = [];
        for (const n of nodes) {
          if (n.status === S.READY) continue;
          if (RELEASABLE_STATUSES.includes(n.status)) {
            core.release(n);
            ok.push(n);
          } else no.push(`${n.system_id} ('${displayStatus(n.status)}')`);
        }
        return { released: ok, refused: no };
      });
      powerOffReleased(core, released);
      if (refused.length) throw conflict(`Node(s) cannot be released in their current state: ${refused.join(', ')}.`);
      return json(released.map((n) => n.system_id));
    },

    'POST acquire': (ctx) => json(acquireNode(core, ctx)),

    'POST set_zone': (ctx) => {
      requireAdmin(ctx, 'Setting zones');
      const zoneName = ctx.params.get('zone');
      const zone = zoneName ? zoneNamed(core, zoneName) : null;
      core.tx(() => {
        for (const n of nodesByIds(core, list(ctx.params, 'nodes'))) core.nodes.update(n.id, { zone_id: zone?.id ?? null });
      });
      return text('');
    },

    'GET deployment_status': (ctx) => {
      const u = userOf(ctx);
      const ids = list(ctx.params, 'nodes');
      if (!ids.length) throw badRequest('No provided nodes!');
      const nodes = nodesByIds(core, ids);
      const hidden = nodes.filter((n) => !canView(u, n));
      if (hidden.length) {
        throw forbidden(`You don't have the required permission to view the following node(s): ${hidden.map((n) => n.system_id).join(', ')}.`);
      }
      const label = (s: number) => (s === S.DEPLOYED ? 'Deployed' : s === S.DEPLOYING ? 'Deploying'
        : s === S.FAILED_DEPLOYMENT ? 'Failed deployment' : 'Not in Deployment');
      return json(Object.fromEntries(nodes.map((n) => [n.system_id, label(n.status)])));
    },

    'GET list_allocated': (ctx) => {
      const u = userOf(ctx);
      const ids = list(ctx.params, 'id');
      const rows = findNodes(core.db, {
        installable: true, ownerId: u.id, tokenId: ctx.token?.id ?? -1, systemIds: ids.length ? ids : undefined,
      });
      return json(nodesJson(core.db, rows));
    },

    'GET power_parameters': (ctx) => {
      requireAdmin(ctx, 'Reading power parameters');
      const ids = list(ctx.params, 'id');
      const rows = findNodes(core.db, { installable: true, systemIds: ids.length ? ids : undefined });
      return json(Object.fromEntries(rows.map((n) => [n.system_id, core.nodes.powerParams(n.id)])));
    },

    'POST check_commissioning': (ctx) => {
      requireAdmin(ctx, 'Checking commissioning');
      const limit = Date.now() - TIMEOUT_MINUTES[S.COMMISSIONING]! * 60_000;
      const failed = core.tx(() => findNodes(core.db, { installable: true, statuses: [S.COMMISSIONING] })
        .filter((n) => Date.parse(n.status_changed) < limit)
        .map((n) => core.changeStatus(n, S.FAILED_COMMISSIONING)));
      return json(nodesJson(core.db, failed.map((n) => core.nodes.byId(n.id)!)));
    },
  };
}

