// files/ and files/{filename}/ (MAAS 1.8 FilesHandler / FileHandler / AnonFilesHandler).
// Each user sees their own files; op=get_by_key also serves anonymous clients, as MAAS did.
import { badRequest, notFound } from '../http/errors';
import { json, noContent, type Ctx, type OpTable } from '../http/context';
import { clip } from '../http/params';
import type { RegionCore } from '../region-core';
import { fieldError } from './form';
import type { FileRow } from '../stores/files-store';
import { userOf } from './access';

const P = '/MAAS/api/1.0/files/';
const fileJson = (f: FileRow) => ({
  filename: f.filename,
  anon_resource_uri: `${P}?op=get_by_key&key=${f.key}`,
  resource_uri: `${P}${encodeURIComponent(f.filename)}/`,
});
const raw = (content: Buffer) => ({ body: content, contentType: 'application/octet-stream' });

export function filesOps(core: RegionCore): OpTable {
  return {
    'GET list': (ctx) => json(core.files.list(userOf(ctx).id, ctx.params.get('prefix') ?? '').map(fileJson)),
    'GET get': (ctx) => {
      const name = ctx.params.required('filename');
      const f = core.files.get(name, userOf(ctx).id);
      if (!f) throw notFound(`File ${clip(name)}`);
      return raw(f.content);
    },
    'GET get_by_key': (ctx) => {
      const key = ctx.params.required('key');
      const f = core.files.byKey(key);
      if (!f) throw notFound('File with this key');
      return raw(f.content);
    },
    'POST add': (ctx) => {
      const u = userOf(ctx);
      const filename = ctx.params.get('filename');
      if (!filename) throw badRequest('Filename not supplied');
      if (filename.length > 255 || /[\/\0]/.test(filename)) throw fieldError('filename', `"${clip(filename)}" is not a valid file name.`);
      const files = ctx.params.names().flatMap((n) => ctx.params.values(n).filter((v) => v.filename !== undefined));
      if (files.length === 0) throw badRequest('File not supplied');
      if (files.length > 1) throw badRequest('Exactly one file must be supplied');
      core.tx(() => core.files.put(filename, u.id, files[0].bytes));
      return { status: 201, body: '', contentType: 'text/plain; charset=utf-8' };
    },
  };
}

export function fileOps(core: RegionCore): OpTable {
  const find = (ctx: Ctx) => {
    const f = core.files.get(ctx.args[0], userOf(ctx).id);
    if (!f) throw notFound(`File ${clip(ctx.args[0])}`);
    return f;
  };
  const del = (ctx: Ctx) => {
    const f = find(ctx);
    core.tx(() => core.files.delete(f.id));
    return noContent();
  };
  return {
    GET: (ctx) => {
      const f = find(ctx);
      return json({ ...fileJson(f), content: f.content.toString('base64') });
    },
    DELETE: del,
    'POST delete': del,
  };
}
