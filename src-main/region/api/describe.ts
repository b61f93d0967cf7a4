// describe/: the API description MAAS clients (maascli, python-libmaas) build their
// commands from: per resource its actions (name, method, op, restful) and URI template.
import type { Resource } from '../http/context';
import { json, type Reply } from '../http/context';
import { API_PREFIX } from '../http/paths';

const RESTFUL: Record<string, string> = { GET: 'read', POST: 'create', PUT: 'update', DELETE: 'delete' };

export function describeApi(resources: Resource[], origin: string): Reply {
  const handlers = resources.map((r) => {
    const actions = Object.keys(r.ops).map((k) => {
      const [method, op] = k.split(' ');
      return { name: op ?? RESTFUL[method], method, op: op ?? null, restful: op === undefined, doc: '' };
    });
    const params = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    return { name: r.name, doc: r.doc, params, path: `${API_PREFIX}${r.path}`, uri: `${origin}${API_PREFIX}${r.path}`, actions };
  });
  return json({
    doc: 'MAAS API',
    handlers,
    resources: handlers.map((h, i) => ({
      name: h.name.replace(/Handler$/, ''),
      anon: resources[i].anonymous || resources[i].public ? h : null,
      auth: h,
    })),
  });
}
