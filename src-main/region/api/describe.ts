// describe/: the API description MAAS clients (maascli, python-libmaas) build their commands
// from, generated from the resource table (resources.ts: ops and their docs). Shaped as MAAS
// 1.8's maasserver/api/doc.py describe_resource / describe_handler and doc_handler.describe:
// per resource {name, anon, auth}; a handler is {name, doc, params, path, uri, actions}, each
// action {name, method, op, restful, doc}; "handlers" lists every anon then every auth handler.
// A resource with anonymous actions gets an Anon… handler holding only those; a public one
// (version/) is anon only. Hidden resources (backward-compatible paths) are left out, as MAAS
// left out its `hidden` handlers.
import type { Resource } from '../http/context';
import { json, type Reply } from '../http/context';
import { API_PREFIX } from '../http/paths';

const RESTFUL: Record<string, string> = { GET: 'read', POST: 'create', PUT: 'update', DELETE: 'delete' };

/** The docstrings of MAAS 1.8's anonymous handlers, by the authenticated handler's name. */
const ANON_DOCS: Record<string, string> = {
  NodesHandler: 'Anonymous access to Nodes.',
  FilesHandler: 'Anonymous file operations.\n\nThis is needed for Juju. The story goes something like this:\n\n' +
    '- The Juju provider will upload a file using an "unguessable" name.\n\n' +
    '- The name of this file (or its URL) will be shared with all the agents in\n  the environment. ' +
    'They cannot modify the file, but they can access it\n  without credentials.',
};

export interface DescribedAction { name: string; method: string; op: string | null; restful: boolean; doc: string }
export interface DescribedHandler { name: string; doc: string; params: string[]; path: string; uri: string; actions: DescribedAction[] }
export interface DescribedResource { name: string; anon: DescribedHandler | null; auth: DescribedHandler | null }
export interface ApiDescription { doc: string; resources: DescribedResource[]; handlers: DescribedHandler[] }

function handler(r: Resource, name: string, doc: string, keys: readonly string[], origin: string): DescribedHandler {
  const actions = keys.map((k) => {
    const [method, op] = k.split(' ');
    return { name: op ?? RESTFUL[method], method, op: op ?? null, restful: op === undefined, doc: r.docs[k] ?? '' };
  });
  const params = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  return { name, doc, params, path: `${API_PREFIX}${r.path}`, uri: `${origin}${API_PREFIX}${r.path}`, actions };
}

export function describeResources(resources: readonly Resource[], origin: string): ApiDescription {
  const described = resources.filter((r) => !r.hidden).map((r): DescribedResource => {
    const keys = Object.keys(r.ops);
    if (r.public && keys.every((k) => r.public!.includes(k))) return { name: r.name, anon: handler(r, r.name, r.doc, keys, origin), auth: null };
    const anonKeys = keys.filter((k) => r.anonymous?.includes(k));
    const anonName = `Anon${r.name}`;
    const anon = anonKeys.length ? handler(r, anonName, ANON_DOCS[r.name] ?? r.doc, anonKeys, origin) : null;
    return { name: r.name, anon, auth: handler(r, r.name, r.doc, keys, origin) };
  });
  return {
    doc: 'MAAS API',
    resources: described,
    handlers: [...described.flatMap((d) => (d.anon ? [d.anon] : [])), ...described.flatMap((d) => (d.auth ? [d.auth] : []))],
  };
}

export const describeApi = (resources: readonly Resource[], origin: string): Reply => json(describeResources(resources, origin));
