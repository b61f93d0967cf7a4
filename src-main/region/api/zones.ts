// zones/ and zones/{name}/ (MAAS 1.8 ZonesHandler / ZoneHandler): anyone reads, admins change.
import { badRequest, notFound } from '../http/errors';
import { json, noContent, type Ctx, type OpTable } from '../http/context';
import { clip } from '../http/params';
import type { RegionCore } from '../region-core';
import { fieldError } from './form';
import { DEFAULT_ZONE_ID, type ZoneRow } from '../stores/zones-store';
import { requireAdmin, userOf } from './access';
import { zoneJson } from './node-json';

const NAME = /^[\w-]+$/;

function checkName(core: RegionCore, name: string, self?: ZoneRow): void {
  if (!NAME.test(name) || name.length > 256) throw fieldError('name', `"${clip(name)}" is not an identifier-style name (letters, digits, "_" and "-").`);
  const other = core.zones.byName(name);
  if (other && other.id !== self?.id) throw fieldError('name', 'Zone with this Name already exists.');
}

const description = (ctx: Ctx): string | undefined => {
  const d = ctx.params.get('description');
  if (d !== undefined && d.length > 10_000) throw fieldError('description', 'at most 10000 characters.');
  return d;
};

export function zonesOps(core: RegionCore): OpTable {
  return {
    GET: (ctx) => {
      userOf(ctx);
      return json(core.zones.list().map(zoneJson));
    },
    POST: (ctx) => {
      requireAdmin(ctx, 'Creating zones');
      const name = ctx.params.get('name')?.trim() ?? '';
      if (!name) throw fieldError('name', 'This field is required.');
      checkName(core, name);
      const desc = description(ctx) ?? '';
      return json(zoneJson(core.tx(() => {
        checkName(core, name);
        return core.zones.insert(name, desc);
      })));
    },
  };
}

export function zoneOps(core: RegionCore): OpTable {
  const zone = (ctx: Ctx): ZoneRow => {
    userOf(ctx);
    const z = core.zones.byName(ctx.args[0]);
    if (!z) throw notFound(`Zone ${clip(ctx.args[0])}`);
    return z;
  };
  return {
    GET: (ctx) => json(zoneJson(zone(ctx))),
    PUT: (ctx) => {
      requireAdmin(ctx, 'Changing zones');
      const z = zone(ctx);
      const name = ctx.params.get('name')?.trim() ?? z.name;
      checkName(core, name, z);
      const desc = description(ctx) ?? z.description;
      core.tx(() => core.zones.update(z.id, name, desc));
      return json(zoneJson({ name, description: desc }));
    },
    DELETE: (ctx) => {
      requireAdmin(ctx, 'Deleting zones');
      const z = zone(ctx);
      if (z.id === DEFAULT_ZONE_ID) throw badRequest('This zone is the default zone, it cannot be deleted.');
      core.tx(() => core.zones.delete(z.id));
      return noContent();
    },
  };
}
