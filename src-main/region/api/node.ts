// nodes/{system_id}/ — one node (MAAS 1.8 NodeHandler), plus this console's extension
// op=set_details (hardware details upload; in MAAS they came from commissioning).
import { BSON, Binary } from 'bson';
import { NodeStatus as S, RELEASABLE_STATUSES, displayStatus } from '../../../src-shared/maas/index';
import { badRequest, conflict, forbidden } from '../http/errors';
import { json, noContent, type Ctx, type OpTable } from '../http/context';
import { clip } from '../http/params';
import type { RegionCore } from '../region-core';
import type { NodeRow } from '../stores/nodes-store';
import { checkDetailsXml, type DetailFacts } from '../details/check-xml';
import { checkNode, requireAdmin, userOf, type Perm } from './access';
import { nodeOr404 } from './lookup';
import { nodesJson } from './node-json';
import { powerOffReleased, startNode, stopNode, queryPower } from './node-power';
import { updateNode } from './node-update';
import { stickyIpOps } from './sticky-ips';

export const detailsBson = (d: { lshw: Buffer | null; lldp: Buffer | null } | undefined): Buffer =>
  Buffer.from(BSON.serialize({
    lshw: d?.lshw ? new Binary(d.lshw) : null,
    lldp: d?.lldp ? new Binary(d.lldp) : null,
  }));

export function nodeOps(core: RegionCore): OpTable {
  const node = (ctx: Ctx, perm: Perm): NodeRow => checkNode(userOf(ctx), nodeOr404(core, ctx.args[0]), perm);
  const show = (n: NodeRow) => json(nodesJson(core.db, [core.nodes.byId(n.id)!])[0]);
  const transition = (ctx: Ctx, perm: Perm, step: (n: NodeRow) => void) => {
    const n = node(ctx, perm);
    core.tx(() => step(core.nodes.byId(n.id)!));
    return show(n);
  };

  return {
    GET: (ctx) => show(node(ctx, 'view')),
    PUT: (ctx) => show(updateNode(core, ctx, node(ctx, 'edit'))),
    DELETE: (ctx) => {
      const n = node(ctx, 'admin');
      core.tx(() => core.nodes.delete(n.id));
      return noContent();
    },

    'GET details': (ctx) => {
      const n = node(ctx, 'view');
      return { body: detailsBson(core.details.get(n.id)), contentType: 'application/bson' };
    },

    'POST set_details': (ctx) => {
      const n = node(ctx, 'admin');
      const lshw = ctx.params.values('lshw').at(-1)?.bytes;
      const lldp = ctx.params.values('lldp').at(-1)?.bytes;
      if (!lshw && !lldp) throw badRequest('set_details needs a multipart part "lshw" and/or "lldp" holding the XML.');
      const facts: DetailFacts = {};
      for (const [kind, bytes] of [['lshw', lshw], ['lldp', lldp]] as const) {
        if (!bytes) continue;
        const r = checkDetailsXml(bytes, kind);
        if (!r.ok) throw badRequest(r.message);
        Object.assign(facts, r.facts);
      }
      core.tx(() => core.storeDetails(core.nodes.byId(n.id)!, lshw, lldp, facts));
      core.rebuilder?.nodes([n.id]);
      return show(n);
    },

    'POST commission': (ctx) => transition(ctx, 'admin', (n) => core.startCommissioning(n)),

    'POST start': async (ctx) => {
      const n = node(ctx, 'edit');
      const u = userOf(ctx);
      if (n.owner_id !== u.id && !u.isSuperuser) throw forbidden('You can only start nodes you have acquired.');
      if (n.status !== S.ALLOCATED && n.status !== S.DEPLOYED && n.status !== S.DEPLOYING) {
        throw conflict(`Node ${n.system_id} cannot be started in its current state ('${displayStatus(n.status)}'): acquire it first.`);
      }
      const series = ctx.params.get('distro_series')?.trim();
      if (series !== undefined && !/^[a-z0-9][a-z0-9._/-]{0,63}$/i.test(series)) throw badRequest(`distro_series: "${clip(series)}" is not a release name.`);
      await startNode(core, n);
      if (n.status === S.ALLOCATED) {
        // What is deployed: the request's release or the configured default (MAAS 1.8 start).
        core.tx(() => core.nodes.update(n.id, {
          osystem: String(core.config.get('default_osystem') ?? 'ubuntu'),
          distro_series: series || String(core.config.get('default_distro_series') ?? ''),
        }));
      }
      return show(n);
    },

    'POST stop': async (ctx) => {
      const n = node(ctx, 'edit');
      await stopNode(core, n, ctx.params.get('stop_mode') === 'soft');
      return show(n);
    },

    'POST release': (ctx) => {
      const before = node(ctx, 'edit');
      const reply = transition(ctx, 'edit', (n) => {
        if (n.status === S.READY) return; // already released: nothing to do (MAAS 1.8)
        if (!RELEASABLE_STATUSES.includes(n.status)) {
          throw conflict(`Node cannot be released in its current state ('${displayStatus(n.status)}').`);
        }
        core.release(n);
      });
      powerOffReleased(core, [before]);
      return reply;
    },

    'POST mark_broken': (ctx) => transition(ctx, 'edit', (n) => {
      const b = core.changeStatus(n, S.BROKEN);
      core.nodes.update(b.id, { owner_id: null, token_id: null, error_description: ctx.params.get('error_description') ?? '' });
    }),

    'POST mark_fixed': (ctx) => transition(ctx, 'admin', (n) => {
      if (n.status !== S.BROKEN) throw conflict(`Node ${n.system_id} is not broken ('${displayStatus(n.status)}').`);
      core.changeStatus(n, S.READY);
      core.nodes.update(n.id, { error_description: '' });
    }),

    'POST abort_operation': (ctx) => transition(ctx, 'edit', (n) => {
      // MAAS 1.8 could abort only disk erasing.
      if (n.status !== S.DISK_ERASING) {
        throw conflict(`Cannot abort in current state: node ${n.system_id} is '${displayStatus(n.status)}'; only Disk erasing can be aborted.`);
      }
      core.changeStatus(n, S.FAILED_DISK_ERASING);
    }),

    'GET power_parameters': (ctx) => {
      requireAdmin(ctx, 'Reading power parameters');
      return json(core.nodes.powerParams(node(ctx, 'admin').id));
    },

    'GET query_power_state': async (ctx) => json(await queryPower(core, node(ctx, 'view'))),

    ...stickyIpOps(core, true),
  };
}
