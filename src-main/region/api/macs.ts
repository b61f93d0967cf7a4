// nodes/{system_id}/macs/ and nodes/{system_id}/macs/{mac_address}/.
import { normaliseMac } from '../../../src-shared/maas/index';
import { badRequest, notFound } from '../http/errors';
import { json, noContent, type Ctx, type OpTable } from '../http/context';
import { clip } from '../http/params';
import type { RegionCore } from '../region-core';
import { fieldError } from './form';
import { checkNode, userOf, type Perm } from './access';
import { nodeOr404 } from './lookup';

const macJson = (systemId: string, mac: string) =>
  ({ mac_address: mac, resource_uri: `/MAAS/api/1.0/nodes/${systemId}/macs/${mac}/` });

export function macsOps(core: RegionCore): OpTable {
  const node = (ctx: Ctx, perm: Perm) => checkNode(userOf(ctx), nodeOr404(core, ctx.args[0]), perm);
  return {
    GET: (ctx) => {
      const n = node(ctx, 'view');
      return json(core.nodes.macsOf(n.id).map((m) => macJson(n.system_id, m)));
    },
    POST: (ctx) => {
      const n = node(ctx, 'edit');
      const raw = ctx.params.get('mac_address') ?? '';
      const mac = normaliseMac(raw);
      if (!mac) throw fieldError('mac_address', `"${clip(raw)}" is not a valid MAC address.`);
      core.tx(() => {
        const holder = core.nodes.nodeOfMac(mac);
        if (holder !== undefined) throw fieldError('mac_address', `Mac address ${mac} already in use on ${core.nodes.byId(holder)!.hostname}.`);
        core.nodes.addMac(n.id, mac);
      });
      return json(macJson(n.system_id, mac));
    },
  };
}

export function macOps(core: RegionCore): OpTable {
  const find = (ctx: Ctx, perm: Perm) => {
    const n = checkNode(userOf(ctx), nodeOr404(core, ctx.args[0]), perm);
    const mac = normaliseMac(ctx.args[1]);
    if (!mac || !core.nodes.macsOf(n.id).includes(mac)) throw notFound(`MAC address ${clip(ctx.args[1])} of node ${n.system_id}`);
    return { n, mac };
  };
  return {
    GET: (ctx) => {
      const { n, mac } = find(ctx, 'view');
      return json(macJson(n.system_id, mac));
    },
    DELETE: (ctx) => {
      const { n, mac } = find(ctx, 'edit');
      core.tx(() => core.nodes.removeMac(n.id, mac));
      return noContent();
    },
  };
}
