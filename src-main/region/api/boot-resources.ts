// boot-resources/, boot-resources/{id}/ and nodegroups/{uuid}/boot-images/ (MAAS 1.8
// BootResource(s)Handler, BootImagesHandler). Uploaded resources are stored whole with
// their SHA-256, size and file type. Importing from boot sources needs an image mirror
// this laptop does not have: op=import (and the clusters' import_boot_images) refuse with
// 503 and say so, listing what was uploaded instead.
import { createHash } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import { RegionError, notFound } from '../http/errors';
import { json, noContent, type Ctx, type OpTable } from '../http/context';
import { clip } from '../http/params';
import type { RegionCore } from '../region-core';
import { nowIso } from '../db/open';
import { requireAdmin, userOf } from './access';
import { field, fieldError, requiredField } from './form';

/** BOOT_RESOURCE_TYPE of MAAS 1.8, and the names the API's type= filter takes. */
const RTYPE = { synced: 0, generated: 1, uploaded: 2 } as const;
const RTYPE_NAME = ['Synced', 'Generated', 'Uploaded'];
/** BOOT_RESOURCE_FILE_TYPE of uploads: filetype → stored file name, cluster xinstall type. */
const FILETYPES: Record<string, { file: string; xinstall: string }> = {
  tgz: { file: 'root-tgz', xinstall: 'tgz' },
  ddtgz: { file: 'root-dd', xinstall: 'dd-tgz' },
};

interface ResourceRow {
  id: number; rtype: number; name: string; architecture: string; title: string; filetype: string; sha256: string; size: number;
  created: string; updated: string;
}
const COLS = 'id, rtype, name, architecture, title, filetype, sha256, size, created, updated';

class BootResourcesStore {
  readonly #list: Statement<[], ResourceRow>;
  readonly #get: Statement<[number], ResourceRow>;
  readonly #byName: Statement<[string, string], ResourceRow>;
  readonly #put: Statement<[number, string, string, string, string, string, number, Buffer, string, string]>;
  readonly #delete: Statement<[number]>;

  constructor(db: Database) {
    this.#list = db.prepare(`SELECT ${COLS} FROM boot_resources ORDER BY id`);
    this.#get = db.prepare(`SELECT ${COLS} FROM boot_resources WHERE id = ?`);
    this.#byName = db.prepare(`SELECT ${COLS} FROM boot_resources WHERE name = ? AND architecture = ?`);
    this.#put = db.prepare(`INSERT INTO boot_resources (rtype, name, architecture, title, filetype, sha256, size, content, created, updated)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(name, architecture) DO UPDATE SET title = excluded.title,
      filetype = excluded.filetype, sha256 = excluded.sha256, size = excluded.size, content = excluded.content, updated = excluded.updated`);
    this.#delete = db.prepare('DELETE FROM boot_resources WHERE id = ?');
  }

  list = () => this.#list.all();
  get = (id: number) => this.#get.get(id);
  put(r: Omit<ResourceRow, 'id' | 'created' | 'updated'>, content: Buffer): ResourceRow {
    const now = nowIso();
    this.#put.run(r.rtype, r.name, r.architecture, r.title, r.filetype, r.sha256, r.size, content, now, now);
    return this.#byName.get(r.name, r.architecture)!;
  }
  delete = (id: number) => void this.#delete.run(id);
}

const version = (r: ResourceRow) => r.updated.slice(0, 10).replace(/-/g, '');

function resourceJson(r: ResourceRow, withSets: boolean) {
  const base: Record<string, unknown> = {
    id: r.id, type: RTYPE_NAME[r.rtype], name: r.name, architecture: r.architecture,
    resource_uri: `/MAAS/api/1.0/boot-resources/${r.id}/`, ...(r.title ? { title: r.title } : {}),
  };
  if (withSets) {
    const file = FILETYPES[r.filetype].file;
    base.sets = {
      [version(r)]: {
        version: version(r), label: 'uploaded', size: r.size, complete: true,
        files: { [file]: { filename: file, filetype: r.filetype === 'tgz' ? 'root-tgz' : 'root-dd', sha256: r.sha256, size: r.size, complete: true } },
      },
    };
  }
  return base;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}(\/[A-Za-z0-9][A-Za-z0-9._-]{0,63})?$/;
const ARCH = /^[a-z0-9_-]{1,32}\/[a-z0-9_.-]{1,32}$/i;

export function bootResourcesOps(core: RegionCore): OpTable {
  const store = new BootResourcesStore(core.db);
  return {
    GET: (ctx) => {
      userOf(ctx);
      const type = field(ctx.params, 'type', 20) || 'all';
      if (type !== 'all' && !(type in RTYPE)) throw fieldError('type', `"${clip(type)}" is not a boot resource type (all, synced, generated, uploaded).`);
      return json(store.list().filter((r) => type === 'all' || r.rtype === RTYPE[type as keyof typeof RTYPE]).map((r) => resourceJson(r, false)));
    },
    POST: (ctx) => {
      requireAdmin(ctx, 'Uploading boot resources');
      const name = requiredField(ctx.params, 'name', 200);
      if (!NAME.test(name)) throw fieldError('name', `"${clip(name)}" is not a boot resource name (letters, digits, ".", "_", "-", optionally "os/series").`);
      const architecture = requiredField(ctx.params, 'architecture', 100);
      if (!ARCH.test(architecture)) throw fieldError('architecture', `"${clip(architecture)}" must be "arch/subarch", e.g. amd64/generic.`);
      const filetype = field(ctx.params, 'filetype', 20) || 'tgz';
      if (!FILETYPES[filetype]) throw fieldError('filetype', `"${clip(filetype)}" is not a file type for uploads (tgz, ddtgz).`);
      const title = field(ctx.params, 'title', 500) ?? '';
      const part = ctx.params.values('content').at(-1);
      if (!part || part.bytes.length === 0) throw fieldError('content', 'This field is required (upload the image as a file part named "content").');
      const sha256 = createHash('sha256').update(part.bytes).digest('hex');
      const row = core.tx(() => store.put({ rtype: RTYPE.uploaded, name, architecture, title, filetype, sha256, size: part.bytes.length }, part.bytes));
      return json(resourceJson(row, true), 201);
    },
    'POST import': (ctx) => {
      requireAdmin(ctx, 'Importing boot resources');
      throw cannotImport(store.list());
    },
  };
}

export function bootResourceOps(core: RegionCore): OpTable {
  const store = new BootResourcesStore(core.db);
  const find = (ctx: Ctx) => {
    const r = /^\d{1,15}$/.test(ctx.args[0]) ? store.get(Number(ctx.args[0])) : undefined;
    if (!r) throw notFound(`Boot resource ${clip(ctx.args[0])}`);
    return r;
  };
  return {
    GET: (ctx) => {
      userOf(ctx);
      return json(resourceJson(find(ctx), true));
    },
    DELETE: (ctx) => {
      requireAdmin(ctx, 'Deleting boot resources');
      const r = find(ctx);
      core.tx(() => store.delete(r.id));
      return noContent();
    },
  };
}

/** What the clusters' boot-images/ list: every uploaded resource, as a custom xinstall image. */
export function bootImagesOps(core: RegionCore): OpTable {
  const store = new BootResourcesStore(core.db);
  return {
    GET: (ctx) => {
      userOf(ctx);
      if (ctx.args[0] !== core.nodegroupUuid) throw notFound(`Nodegroup ${clip(ctx.args[0])}`);
      return json(store.list().map((r) => {
        const [arch, sub] = r.architecture.split('/');
        const [os, release] = r.name.includes('/') ? r.name.split('/') : ['custom', r.name];
        return { osystem: os, release, architecture: arch, subarchitecture: sub, label: 'uploaded', purpose: 'xinstall',
          xinstall_type: FILETYPES[r.filetype].xinstall, xinstall_path: `${os}/${arch}/${sub}/${release}/uploaded/${FILETYPES[r.filetype].file}` };
      }));
    },
  };
}

export const IMPORT_REFUSAL = 'This embedded region cannot import boot images: it runs on a laptop with no image mirror ' +
  'to download from (boot sources and selections are recorded, nothing is fetched).';

/** 503 for op=import and import_boot_images: honest about why, what to do instead, and what is here. */
export function cannotImport(uploaded: readonly { name: string; architecture: string }[]): RegionError {
  const shown = uploaded.slice(0, 10).map((r) => `${r.name} (${r.architecture})`).join(', ');
  const list = uploaded.length ? `uploaded so far: ${shown}${uploaded.length > 10 ? ` and ${uploaded.length - 10} more` : ''}` : 'nothing is uploaded yet';
  return new RegionError('unavailable', `${IMPORT_REFUSAL} Upload images instead with POST /MAAS/api/1.0/boot-resources/ ` +
    `(name, architecture, filetype, and the file as "content"); ${list} (GET boot-resources/, nodegroups/{uuid}/boot-images/).`);
}

export const uploadedResources = (core: RegionCore): { name: string; architecture: string }[] => new BootResourcesStore(core.db).list();
