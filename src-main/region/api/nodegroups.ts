// nodegroups/ and nodegroups/{uuid}/: the embedded region is its own single cluster
// ("master", accepted), with a UUID fixed when the database was created.
import { BSON, Binary } from 'bson';
import type { Api1Nodegroup } from '../../../src-shared/maas/index';
import { badRequest, notFound } from '../http/errors';
import { json, text, type Ctx, type OpTable } from '../http/context';
import { clip } from '../http/params';
import type { RegionCore } from '../region-core';
import { findNodes } from '../stores/node-query';
import { requireAdmin, userOf } from './access';
import { list } from './lookup';
import { cannotImport, uploadedResources } from './boot-resources';
import { clusterOps, nodegroupJson } from './cluster';

export function nodegroupsOps(core: RegionCore): OpTable {
  const me = (): Api1Nodegroup => nodegroupJson(core);
  const checkUuids = (ctx: Ctx) => {
    const unknown = list(ctx.params, 'uuid').filter((u) => u !== core.nodegroupUuid);
    if (unknown.length) throw notFound(`Nodegroup(s) ${unknown.map((u) => clip(u)).join(', ')}`);
  };
  return {
    'GET list': (ctx) => {
      userOf(ctx);
      return json([me()]);
    },
    'GET describe_power_types': (ctx) => {
      userOf(ctx);
      return json(core.power.types.map((t) => ({
        name: t.name, description: t.description, missing_packages: [],
        fields: t.fields.map((f) => ({
          name: f.name, label: f.label, required: f.required, field_type: f.choices ? 'choice' : f.secret ? 'password' : 'string',
          choices: f.choices ?? [], default: f.default ?? '', scope: 'bmc',
        })),
      })));
    },
    'POST accept': (ctx) => {
      requireAdmin(ctx, 'Accepting clusters');
      checkUuids(ctx);
      return text('Nodegroup(s) accepted.');
    },
    'POST reject': (ctx) => {
      requireAdmin(ctx, 'Rejecting clusters');
      checkUuids(ctx);
      throw badRequest("The embedded region's only cluster cannot be rejected.");
    },
    'POST import_boot_images': (ctx) => {
      requireAdmin(ctx, 'Importing boot images');
      throw cannotImport(uploadedResources(core));
    },
  };
}

export function nodegroupOps(core: RegionCore): OpTable {
  const group = (ctx: Ctx) => {
    userOf(ctx);
    if (ctx.args[0] !== core.nodegroupUuid) throw notFound(`Nodegroup ${clip(ctx.args[0])}`);
  };
  return {
    GET: (ctx) => {
      group(ctx);
      return json(nodegroupJson(core));
    },
    'GET list_nodes': (ctx) => {
      group(ctx);
      requireAdmin(ctx, 'Listing the nodes of a cluster');
      return json(findNodes(core.db, { installable: true }).map((n) => n.system_id));
    },
    'POST details': (ctx) => {
      group(ctx);
      requireAdmin(ctx, 'Reading cluster details');
      // Unknown system ids are ignored, as MAAS did for nodes outside the nodegroup.
      const rows = findNodes(core.db, { installable: true, systemIds: list(ctx.params, 'system_ids') });
      const doc: Record<string, unknown> = {};
      for (const n of rows) {
        const d = core.details.get(n.id);
        doc[n.system_id] = { lshw: d?.lshw ? new Binary(d.lshw) : null, lldp: d?.lldp ? new Binary(d.lldp) : null };
      }
      return { body: Buffer.from(BSON.serialize(doc)), contentType: 'application/bson' };
    },
    ...clusterOps(core), // PUT, import_boot_images, report_download_progress, probe_and_enlist_*
  };
}
