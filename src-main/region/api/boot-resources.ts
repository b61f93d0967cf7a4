// boot-resources/, boot-resources/{id}/, the chunked upload path and nodegroups/{uuid}/boot-images/
// (MAAS 1.8 maasserver/api/boot_resources.py and boot_images.py). As MAAS: a name "os/series"
// is a Generated resource, any other name Uploaded; uploading a name again adds a version (a
// set); a create without `content` but with `sha256` and `size` makes an empty set the client
// fills with PUTs to boot-resources/{id}/upload/{file_id}/ (BootResourceNoContentForm and
// BootResourceFileUploadHandler). Importing from boot sources needs an image mirror this
// laptop does not have: op=import (and the clusters' import_boot_images) answer 503 and say so.
import { createHash } from 'node:crypto';
import { RegionError, badRequest, forbidden, notFound } from '../http/errors';
import { json, noContent, type Ctx, type OpTable } from '../http/context';
import { clip } from '../http/params';
import type { RegionCore } from '../region-core';
import { BootResourcesStore, type ResourceRow, type SetRow } from '../stores/boot-resources-store';
import { requireAdmin, userOf } from './access';
import { field, fieldError, requiredField } from './form';
import { UPLOAD_FILETYPES, resourceJson, setDone } from './boot-resource-json';

/** BOOT_RESOURCE_TYPE of MAAS 1.8, and the names the API's type= filter takes. */
const RTYPE = { synced: 0, generated: 1, uploaded: 2 } as const;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}(\/[A-Za-z0-9][A-Za-z0-9._-]{0,63})?$/;
const ARCH = /^[a-z0-9_-]{1,32}\/[a-z0-9_.-]{1,32}$/i;
const idArg = (v: string): number => (/^\d{1,15}$/.test(v) ? Number(v) : -1);

export function bootResourcesOps(core: RegionCore): OpTable {
  const store = new BootResourcesStore(core.db);
  return {
    GET: (ctx) => {
      userOf(ctx);
      const type = field(ctx.params, 'type', 20) || 'all';
      if (type !== 'all' && !(type in RTYPE)) throw badRequest(`Bad type '${clip(type)}'`);
      return json(store.list().filter((r) => type === 'all' || r.rtype === RTYPE[type as keyof typeof RTYPE]).map((r) => resourceJson(r, null)));
    },
    POST: (ctx) => {
      requireAdmin(ctx, 'Uploading boot resources');
      const name = requiredField(ctx.params, 'name', 200);
      if (!NAME.test(name)) throw fieldError('name', `"${clip(name)}" is not a boot resource name (letters, digits, ".", "_", "-", optionally "os/series").`);
      const architecture = requiredField(ctx.params, 'architecture', 100);
      if (!ARCH.test(architecture)) throw fieldError('architecture', `"${clip(architecture)}" must be "arch/subarch", e.g. amd64/generic.`);
      const filetype = field(ctx.params, 'filetype', 20) || 'tgz';
      if (!UPLOAD_FILETYPES[filetype]) throw fieldError('filetype', `"${clip(filetype)}" is not a file type for uploads (tgz, ddtgz).`);
      const title = field(ctx.params, 'title', 500);
      const part = ctx.params.values('content').at(-1);
      let file: { sha256: string; size: number; bytes?: Buffer };
      if (part) {
        if (part.bytes.length === 0) throw fieldError('content', 'The submitted file is empty.');
        file = { sha256: createHash('sha256').update(part.bytes).digest('hex'), size: part.bytes.length, bytes: part.bytes };
      } else {
        // BootResourceNoContentForm: the file's checksum and size now, its bytes by upload.
        const sha256 = requiredField(ctx.params, 'sha256', 64).toLowerCase();
        if (!/^[0-9a-f]{64}$/.test(sha256)) throw fieldError('sha256', `"${clip(sha256)}" is not a SHA-256 (64 hex digits).`);
        const size = ctx.params.int('size', { min: 1 });
        if (size === undefined) throw fieldError('size', 'This field is required.');
        file = { sha256, size };
      }
      // BootResourceForm.save: "os/series" names are Generated, others Uploaded.
      const rtype = name.includes('/') ? RTYPE.generated : RTYPE.uploaded;
      const row = core.tx(() => {
        const r = store.resource(rtype, name, architecture, title);
        if (r.rtype !== rtype) throw fieldError('name', `${name} (${architecture}) already exists as another type of resource.`);
        const s = store.addSet(r.id, { filetype, sha256: file.sha256, size: file.size });
        if (file.bytes) store.appendChunk(s, file.bytes);
        return r;
      });
      return json(resourceJson(row, store.sets(row.id)), 201);
    },
    'POST import': (ctx) => {
      requireAdmin(ctx, 'Importing boot resources');
      throw cannotImport(store.list());
    },
  };
}

export function bootResourceOps(core: RegionCore): OpTable {
  const store = new BootResourcesStore(core.db);
  const find = (ctx: Ctx): ResourceRow => {
    const r = store.get(idArg(ctx.args[0]));
    if (!r) throw notFound(`Boot resource ${clip(ctx.args[0])}`);
    return r;
  };
  return {
    GET: (ctx) => {
      userOf(ctx);
      const r = find(ctx);
      return json(resourceJson(r, store.sets(r.id)));
    },
    DELETE: (ctx) => {
      requireAdmin(ctx, 'Deleting boot resources');
      const r = find(ctx);
      core.tx(() => store.delete(r.id));
      return noContent();
    },
  };
}

/** PUT boot-resources/{id}/upload/{file_id}/: the next piece of a file's bytes, as the body. */
export function bootResourceUploadOps(core: RegionCore): OpTable {
  const store = new BootResourcesStore(core.db);
  return {
    PUT: (ctx) => {
      requireAdmin(ctx, 'Uploading boot resources');
      const r = store.get(idArg(ctx.args[0]));
      const s = store.set(idArg(ctx.args[1]));
      if (!r || !s || s.resource_id !== r.id) throw notFound(`Boot resource file ${clip(ctx.args[1])} of ${clip(ctx.args[0])}`);
      if (r.rtype === RTYPE.synced) throw forbidden(`Cannot upload to a resource of type: ${r.rtype}.`);
      const data = ctx.body ?? Buffer.alloc(0);
      if (data.length === 0) throw badRequest('Missing data.');
      if (setDone(s)) throw badRequest('Cannot upload to a complete file.');
      if (s.received + data.length > s.size) throw badRequest('Too much data recieved.');
      core.tx(() => {
        store.appendChunk(s, data);
        if (s.received + data.length < s.size) return;
        const hash = createHash('sha256');
        for (const c of store.chunks(s.id)) hash.update(c);
        if (hash.digest('hex') !== s.sha256) {
          // Unlike MAAS (which kept the bad bytes), start the file again so a retry can succeed.
          store.dropChunks(s.id);
          throw new UploadMismatch();
        }
      });
      return json(resourceJson(r, store.sets(r.id)));
    },
  };
}

class UploadMismatch extends RegionError {
  constructor() {
    super('bad-request', 'Saved content does not match given SHA256 value.');
  }
}

/** What the clusters' boot-images/ list: every resource with a complete version, as a custom xinstall image. */
export function bootImagesOps(core: RegionCore): OpTable {
  const store = new BootResourcesStore(core.db);
  return {
    GET: (ctx) => {
      userOf(ctx);
      if (ctx.args[0] !== core.nodegroupUuid) throw notFound(`Nodegroup ${clip(ctx.args[0])}`);
      return json(store.list().flatMap((r) => {
        const latest: SetRow | undefined = store.sets(r.id).find(setDone);
        if (!latest) return [];
        const [arch, sub] = r.architecture.split('/');
        const [os, release] = r.name.includes('/') ? r.name.split('/') : ['custom', r.name];
        const ft = UPLOAD_FILETYPES[latest.filetype];
        return [{ osystem: os, release, architecture: arch, subarchitecture: sub, label: 'uploaded', purpose: 'xinstall',
          xinstall_type: ft.xinstall, xinstall_path: `${os}/${arch}/${sub}/${release}/uploaded/${ft.file}` }];
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
