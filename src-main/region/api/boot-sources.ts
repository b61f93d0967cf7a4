// boot-sources/, boot-sources/{id}/ and their selections/ (MAAS 1.8 BootSource(s)Handler,
// BootSourceSelection(s)Handler; admin only, as MAAS). A fresh region holds MAAS's default
// source and its trusty/amd64 selection. Sources are only recorded here: this region does
// not download from them (see boot-resources op=import).
import type { Database, Statement } from 'better-sqlite3';
import { notFound } from '../http/errors';
import { json, noContent, type Ctx, type OpTable } from '../http/context';
import { clip, type Params } from '../http/params';
import type { RegionCore } from '../region-core';
import { nowIso } from '../db/open';
import { requireAdmin } from './access';
import { field, fieldError, listField } from './form';

interface SourceRow { id: number; url: string; keyring_filename: string; keyring_data: Buffer; created: string; updated: string }
interface SelectionRow { id: number; boot_source_id: number; os: string; release: string; arches: string; subarches: string; labels: string }

class BootSourcesStore {
  readonly list: () => SourceRow[];
  readonly get: (id: number) => SourceRow | undefined;
  readonly byUrl: (url: string) => SourceRow | undefined;
  readonly insert: (url: string, file: string, data: Buffer) => number;
  readonly update: (r: SourceRow) => void;
  readonly delete: (id: number) => void;
  readonly selections: (sourceId: number) => SelectionRow[];
  readonly selection: (sourceId: number, id: number) => SelectionRow | undefined;
  readonly insertSelection: (r: Omit<SelectionRow, 'id'>) => number;
  readonly updateSelection: (r: SelectionRow) => void;
  readonly deleteSelection: (id: number) => void;

  constructor(db: Database) {
    const cols = 'id, url, keyring_filename, keyring_data, created, updated';
    const st = <A extends unknown[], R = unknown>(sql: string) => db.prepare(sql) as Statement<A, R>;
    const list = st<[], SourceRow>(`SELECT ${cols} FROM boot_sources ORDER BY id`);
    const get = st<[number], SourceRow>(`SELECT ${cols} FROM boot_sources WHERE id = ?`);
    const byUrl = st<[string], SourceRow>(`SELECT ${cols} FROM boot_sources WHERE url = ?`);
    const ins = st<[string, string, Buffer, string, string]>('INSERT INTO boot_sources (url, keyring_filename, keyring_data, created, updated) VALUES (?, ?, ?, ?, ?)');
    const upd = st<[string, string, Buffer, string, number]>('UPDATE boot_sources SET url = ?, keyring_filename = ?, keyring_data = ?, updated = ? WHERE id = ?');
    const del = st<[number]>('DELETE FROM boot_sources WHERE id = ?');
    const scols = 'id, boot_source_id, os, release, arches, subarches, labels';
    const sels = st<[number], SelectionRow>(`SELECT ${scols} FROM boot_source_selections WHERE boot_source_id = ? ORDER BY id`);
    const sel = st<[number, number], SelectionRow>(`SELECT ${scols} FROM boot_source_selections WHERE boot_source_id = ? AND id = ?`);
    const sins = st<[Omit<SelectionRow, 'id'>]>(`INSERT INTO boot_source_selections (boot_source_id, os, release, arches, subarches, labels)
      VALUES (@boot_source_id, @os, @release, @arches, @subarches, @labels)`);
    const supd = st<[SelectionRow]>(`UPDATE boot_source_selections SET os = @os, release = @release, arches = @arches,
      subarches = @subarches, labels = @labels WHERE id = @id`);
    const sdel = st<[number]>('DELETE FROM boot_source_selections WHERE id = ?');
    this.list = () => list.all();
    this.get = (id) => get.get(id);
    this.byUrl = (url) => byUrl.get(url);
    this.insert = (url, file, data) => { const now = nowIso(); return Number(ins.run(url, file, data, now, now).lastInsertRowid); };
    this.update = (r) => void upd.run(r.url, r.keyring_filename, r.keyring_data, nowIso(), r.id);
    this.delete = (id) => void del.run(id);
    this.selections = (s) => sels.all(s);
    this.selection = (s, id) => sel.get(s, id);
    this.insertSelection = (r) => Number(sins.run(r).lastInsertRowid);
    this.updateSelection = (r) => void supd.run(r);
    this.deleteSelection = (id) => void sdel.run(id);
  }
}

const sourceJson = (s: SourceRow) => ({
  id: s.id, url: s.url, keyring_filename: s.keyring_filename, keyring_data: s.keyring_data.toString('base64'),
  created: s.created, updated: s.updated, resource_uri: `/MAAS/api/1.0/boot-sources/${s.id}/`,
});

const selectionJson = (s: SelectionRow) => ({
  id: s.id, os: s.os, release: s.release, arches: JSON.parse(s.arches) as string[], subarches: JSON.parse(s.subarches) as string[],
  labels: JSON.parse(s.labels) as string[], boot_source_id: s.boot_source_id,
  resource_uri: `/MAAS/api/1.0/boot-sources/${s.boot_source_id}/selections/${s.id}/`,
});

function checkUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw fieldError('url', `"${clip(url)}" is not a URL.`);
  }
  if (!['http:', 'https:', 'file:'].includes(u.protocol)) throw fieldError('url', 'use an http, https or file URL.');
  return url;
}

/** keyring_data as a file part (raw bytes) or a text part holding base64 (the spec's way). */
function keyringData(p: Params): Buffer | undefined {
  const v = p.values('keyring_data').at(-1);
  if (!v) return undefined;
  if (v.filename !== undefined) return v.bytes;
  const t = v.text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(t) || t.length % 4 !== 0) throw fieldError('keyring_data', 'is not base64-encoded data (or upload it as a file).');
  return Buffer.from(t, 'base64');
}

function readSource(p: Params, base?: SourceRow): Pick<SourceRow, 'url' | 'keyring_filename' | 'keyring_data'> {
  const url = checkUrl(field(p, 'url', 2000) ?? base?.url ?? '');
  const file = field(p, 'keyring_filename', 4096) ?? base?.keyring_filename ?? '';
  if (file && !file.startsWith('/')) throw fieldError('keyring_filename', 'must be an absolute path.');
  const data = keyringData(p) ?? base?.keyring_data ?? Buffer.alloc(0);
  if (!file && data.length === 0) throw fieldError('__all__', 'One of keyring_data or keyring_filename must be specified.');
  return { url, keyring_filename: file, keyring_data: data };
}

export function bootSourcesOps(core: RegionCore): OpTable {
  const store = new BootSourcesStore(core.db);
  return {
    GET: (ctx) => {
      requireAdmin(ctx, 'Managing boot sources');
      return json(store.list().map(sourceJson));
    },
    POST: (ctx) => {
      requireAdmin(ctx, 'Managing boot sources');
      if (!ctx.params.get('url')?.trim()) throw fieldError('url', 'This field is required.');
      const s = readSource(ctx.params);
      // BootSourcesHandler.create (MAAS 1.8 maasserver/api/boot_sources.py) answers 201 CREATED.
      return json(sourceJson(core.tx(() => {
        if (store.byUrl(s.url)) throw fieldError('url', 'Boot source with this URL already exists.');
        return store.get(store.insert(s.url, s.keyring_filename, s.keyring_data))!;
      })), 201);
    },
  };
}

const idArg = (v: string): number => (/^\d{1,15}$/.test(v) ? Number(v) : -1);

export function bootSourceOps(core: RegionCore): OpTable {
  const store = new BootSourcesStore(core.db);
  const find = (ctx: Ctx) => {
    requireAdmin(ctx, 'Managing boot sources');
    const s = store.get(idArg(ctx.args[0]));
    if (!s) throw notFound(`Boot source ${clip(ctx.args[0])}`);
    return s;
  };
  return {
    GET: (ctx) => json(sourceJson(find(ctx))),
    PUT: (ctx) => json(sourceJson(core.tx(() => {
      const s = find(ctx);
      const next = { ...s, ...readSource(ctx.params, s) };
      const other = store.byUrl(next.url);
      if (other && other.id !== s.id) throw fieldError('url', 'Boot source with this URL already exists.');
      store.update(next);
      return store.get(s.id)!;
    }))),
    DELETE: (ctx) => {
      const s = find(ctx);
      core.tx(() => store.delete(s.id));
      return noContent();
    },
  };
}

const RELEASE = /^[a-z0-9][a-z0-9._-]{0,63}$/i;
const ITEM = /^(\*|[a-z0-9][a-z0-9._+-]{0,63})$/i;

function names(p: Params, name: string, base: string[] | undefined): string[] {
  const v = listField(p, name);
  if (v === undefined) return base ?? ['*'];
  const bad = v.filter((x) => !ITEM.test(x));
  if (bad.length) throw fieldError(name, `not valid: ${bad.map((b) => `"${clip(b)}"`).join(', ')} (names of letters, digits, ".", "_", "-", or "*").`);
  return v.length ? [...new Set(v)] : ['*'];
}

function readSelection(p: Params, sourceId: number, base?: SelectionRow): Omit<SelectionRow, 'id'> {
  const os = field(p, 'os', 64) || base?.os || 'ubuntu';
  if (!RELEASE.test(os)) throw fieldError('os', `"${clip(os)}" is not an operating system name.`);
  const release = field(p, 'release', 64) ?? base?.release ?? '';
  if (!release) throw fieldError('release', 'This field is required.');
  if (!RELEASE.test(release)) throw fieldError('release', `"${clip(release)}" is not a release name.`);
  const prev = (k: 'arches' | 'subarches' | 'labels') => (base ? (JSON.parse(base[k]) as string[]) : undefined);
  return {
    boot_source_id: sourceId, os, release, arches: JSON.stringify(names(p, 'arches', prev('arches'))),
    subarches: JSON.stringify(names(p, 'subarches', prev('subarches'))), labels: JSON.stringify(names(p, 'labels', prev('labels'))),
  };
}

function checkClash(store: BootSourcesStore, r: Omit<SelectionRow, 'id'>, self?: number): void {
  if (store.selections(r.boot_source_id).some((o) => o.id !== self && o.os === r.os && o.release === r.release)) {
    throw fieldError('__all__', `Boot source selection with this Boot source, Os and Release already exists (${r.os}/${r.release}).`);
  }
}

export function bootSourceSelectionsOps(core: RegionCore): OpTable {
  const store = new BootSourcesStore(core.db);
  const source = (ctx: Ctx) => {
    requireAdmin(ctx, 'Managing boot source selections');
    const s = store.get(idArg(ctx.args[0]));
    if (!s) throw notFound(`Boot source ${clip(ctx.args[0])}`);
    return s;
  };
  return {
    GET: (ctx) => json(store.selections(source(ctx).id).map(selectionJson)),
    POST: (ctx) => json(selectionJson(core.tx(() => {
      const s = source(ctx);
      const r = readSelection(ctx.params, s.id);
      checkClash(store, r);
      return store.selection(s.id, store.insertSelection(r))!;
    }))),
  };
}

export function bootSourceSelectionOps(core: RegionCore): OpTable {
  const store = new BootSourcesStore(core.db);
  const find = (ctx: Ctx) => {
    requireAdmin(ctx, 'Managing boot source selections');
    const sel = store.selection(idArg(ctx.args[0]), idArg(ctx.args[1]));
    if (!sel) throw notFound(`Boot source selection ${clip(ctx.args[1])} of boot source ${clip(ctx.args[0])}`);
    return sel;
  };
  return {
    GET: (ctx) => json(selectionJson(find(ctx))),
    PUT: (ctx) => json(selectionJson(core.tx(() => {
      const sel = find(ctx);
      const r = { id: sel.id, ...readSelection(ctx.params, sel.boot_source_id, sel) };
      checkClash(store, r, sel.id);
      store.updateSelection(r);
      return store.selection(sel.boot_source_id, sel.id)!;
    }))),
    DELETE: (ctx) => {
      const sel = find(ctx);
      core.tx(() => store.deleteSelection(sel.id));
      return noContent();
    },
  };
}
