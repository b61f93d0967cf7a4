// installation-results/ op=list (MAAS 1.8 NodeResultHandler, "Commissioning results").
// In MAAS these rows came from commissioning: the outputs of the built-in scripts
// 00-maas-01-lshw and 99-maas-02-capture-lldp. Here commissioning is not run, so the
// details attached to a node (nodes/{id}/ op=set_details) are served as exactly those
// results: same names, script_result 0, result_type 0 (commissioning), data base64.
import type { OpTable } from '../http/context';
import { json } from '../http/context';
import { clip } from '../http/params';
import type { RegionCore } from '../region-core';
import { findNodes } from '../stores/node-query';
import { canView, userOf } from './access';
import { fieldError } from './form';
import { list } from './lookup';
import { nodesJson } from './node-json';

/** RESULT_TYPE of MAAS 1.8. */
export const RESULT_TYPE = { COMMISSIONING: 0, INSTALLATION: 1 } as const;
/** The result names MAAS stored for its built-in commissioning scripts' output. */
export const LSHW_RESULT = '00-maas-01-lshw.out';
export const LLDP_RESULT = '99-maas-02-capture-lldp.out';

interface DetailsWithTime { node_id: number; lshw: Buffer | null; lldp: Buffer | null; updated: string }

export function installationResultsOps(core: RegionCore): OpTable {
  return {
    'GET list': (ctx) => {
      const u = userOf(ctx);
      const ids = list(ctx.params, 'system_id');
      const names = list(ctx.params, 'name');
      const types = list(ctx.params, 'result_type').map((t) => {
        if (!/^\d{1,3}$/.test(t)) throw fieldError('result_type', `"${clip(t)}" is not a result type (0 commissioning, 1 installation).`);
        return Number(t);
      });
      const nodes = findNodes(core.db, { installable: true, ...(ids.length ? { systemIds: ids } : {}) }).filter((n) => canView(u, n));
      if (!nodes.length || (types.length && !types.includes(RESULT_TYPE.COMMISSIONING))) return json([]);
      const rows = core.db.prepare(`SELECT node_id, lshw, lldp, updated FROM node_details
        WHERE node_id IN (SELECT value FROM json_each(?)) ORDER BY node_id`).all(JSON.stringify(nodes.map((n) => n.id))) as DetailsWithTime[];
      const byId = new Map(nodes.map((n) => [n.id, n]));
      const withResults = rows.map((r) => byId.get(r.node_id)!);
      const reps = new Map(nodesJson(core.db, withResults).map((j, i) => [withResults[i].id, j]));
      const out: unknown[] = [];
      for (const r of rows) {
        for (const [name, data] of [[LSHW_RESULT, r.lshw], [LLDP_RESULT, r.lldp]] as const) {
          if (!data || (names.length && !names.includes(name))) continue;
          out.push({
            name, script_result: 0, result_type: RESULT_TYPE.COMMISSIONING, created: r.updated, updated: r.updated,
            node: reps.get(r.node_id), data: data.toString('base64'), resource_uri: '/MAAS/api/1.0/installation-results/',
          });
        }
      }
      return json(out);
    },
  };
}
