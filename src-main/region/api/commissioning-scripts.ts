// commissioning-scripts/ and commissioning-scripts/{name} (MAAS 1.8
// CommissioningScriptsHandler / CommissioningScriptHandler, admin only). Content is kept
// byte for byte as uploaded (a vendor's binary tool is fine). As MAAS 1.8
// (maasserver/api/commissioning_scripts.py): the list is the sorted names only, a GET of one
// script answers its raw bytes, create/update answer name and base64 content.
import type { Database, Statement } from 'better-sqlite3';
import { notFound } from '../http/errors';
import { json, noContent, type Ctx, type OpTable } from '../http/context';
import { clip } from '../http/params';
import type { RegionCore } from '../region-core';
import { requireAdmin } from './access';
import { fieldError } from './form';

class ScriptsStore {
  readonly #names: Statement<[], string>;
  readonly #get: Statement<[string], { id: number; name: string; content: Buffer }>;
  readonly #insert: Statement<[string, Buffer]>;
  readonly #update: Statement<[Buffer, number]>;
  readonly #delete: Statement<[number]>;

  constructor(db: Database) {
    this.#names = db.prepare('SELECT name FROM commissioning_scripts ORDER BY name').pluck() as Statement<[], string>;
    this.#get = db.prepare('SELECT id, name, content FROM commissioning_scripts WHERE name = ?');
    this.#insert = db.prepare('INSERT INTO commissioning_scripts (name, content) VALUES (?, ?)');
    this.#update = db.prepare('UPDATE commissioning_scripts SET content = ? WHERE id = ?');
    this.#delete = db.prepare('DELETE FROM commissioning_scripts WHERE id = ?');
  }

  names = () => this.#names.all();
  get = (name: string) => this.#get.get(name);
  insert = (name: string, content: Buffer) => void this.#insert.run(name, content);
  update = (id: number, content: Buffer) => void this.#update.run(content, id);
  delete = (id: number) => void this.#delete.run(id);
}

/** Null when `name` is acceptable: no whitespace, quotes or apostrophes (the spec), no path. */
export function scriptNameProblem(name: string): string | null {
  if (!name) return 'This field is required.';
  if (name.length > 255) return 'at most 255 characters.';
  if (/[\s"'`/\\\u0000-\u001f\u007f]/.test(name) || name === '.' || name === '..') {
    return `"${clip(name)}" must not contain whitespace, quotes, apostrophes, slashes or control characters (e.g. "25-burn-in-hard-disk").`;
  }
  if (/^(00|99)-maas/.test(name)) return `"${clip(name)}": names starting with "00-maas" or "99-maas" are reserved for MAAS's built-in scripts.`;
  return null;
}

const uri = (name: string) => `/MAAS/api/1.0/commissioning-scripts/${encodeURIComponent(name)}`;
const scriptJson = (name: string, content: Buffer) => ({ name, content: content.toString('base64'), resource_uri: uri(name) });

/** The uploaded `content` part, bytes exactly as received. */
function content(ctx: Ctx): Buffer {
  const v = ctx.params.values('content').at(-1);
  if (!v) throw fieldError('content', 'This field is required (upload the script as a file part named "content").');
  return v.bytes;
}

export function commissioningScriptsOps(core: RegionCore): OpTable {
  const store = new ScriptsStore(core.db);
  return {
    GET: (ctx) => {
      requireAdmin(ctx, 'Managing commissioning scripts');
      // CommissioningScriptsHandler.read: [script.name for script in …order_by('name')].
      return json(store.names());
    },
    POST: (ctx) => {
      requireAdmin(ctx, 'Managing commissioning scripts');
      const name = (ctx.params.get('name') ?? '').trim();
      const problem = scriptNameProblem(name);
      if (problem) throw fieldError('name', problem);
      const bytes = content(ctx);
      core.tx(() => {
        if (store.get(name)) throw fieldError('name', 'Commissioning script with this Name already exists.');
        store.insert(name, bytes);
      });
      return json(scriptJson(name, bytes));
    },
  };
}

export function commissioningScriptOps(core: RegionCore): OpTable {
  const store = new ScriptsStore(core.db);
  const find = (ctx: Ctx) => {
    requireAdmin(ctx, 'Managing commissioning scripts');
    const s = store.get(ctx.args[0]);
    if (!s) throw notFound(`Commissioning script ${clip(ctx.args[0])}`);
    return s;
  };
  return {
    GET: (ctx) => ({ body: find(ctx).content, contentType: 'application/binary' }),
    PUT: (ctx) => {
      const s = find(ctx);
      const bytes = content(ctx);
      core.tx(() => store.update(s.id, bytes));
      return json(scriptJson(s.name, bytes));
    },
    DELETE: (ctx) => {
      const s = find(ctx);
      core.tx(() => store.delete(s.id));
      return noContent();
    },
  };
}
