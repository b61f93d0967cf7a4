// The region's HTTP server: node:http, one resource table, op= dispatch (STYLE.md §3).
// Flow: route → read body (size-limited) → authenticate → dispatch → JSON or text reply.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Resource, Reply, Ctx } from './context';
import { RegionError, badRequest, unauthorized } from './errors';
import { readBody, type BodyLimits } from './body';
import { Params } from './params';
import { API_PREFIX } from './paths';
import type { Authenticator } from '../auth/authenticate';
import { describeApi } from '../api/describe';
import type { RequestGuard } from './request-guard';

export interface Route {
  segs: string[];
  resource: Resource;
}

export function compile(resources: Resource[]): Route[] {
  // Literal segments win over captures (account/prefs/sshkeys/ before a {x}).
  return resources.map((r) => ({ segs: r.path.split('/').filter(Boolean), resource: r }))
    .sort((a, b) => a.segs.filter((s) => s.startsWith('{')).length - b.segs.filter((s) => s.startsWith('{')).length);
}

export function route(routes: Route[], segs: string[]): { resource: Resource; args: string[] } | null {
  for (const r of routes) {
    if (r.segs.length !== segs.length) continue;
    const args: string[] = [];
    if (r.segs.every((s, i) => (s.startsWith('{') ? (args.push(segs[i]), true) : s === segs[i]))) return { resource: r.resource, args };
  }
  return null;
}

/** Every path of the MAAS 1.8 API is served (api/coverage.ts); anything else is unknown. */
const notServed = (segs: string[]): RegionError => new RegionError('not-found', `Unknown API path: ${API_PREFIX}${segs.join('/')}/`);

export interface ServerDeps {
  resources: Resource[];
  auth: Authenticator;
  limits: BodyLimits;
  log: (text: string) => void;
  /** Refuses pages in a browser (Origin) and names the region is not served under (Host). */
  guard: RequestGuard;
}

export function createRegionServer(d: ServerDeps): Server {
  const routes = compile(d.resources);
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    d.guard.check(req.headers);
    const method = (req.method ?? 'GET').toUpperCase();
    const host = (req.headers.host ?? 'localhost').toLowerCase();
    const origin = `http://${host}`;
    let url: URL;
    try {
      url = new URL(req.url ?? '/', origin);
    } catch {
      throw badRequest('Malformed request URL.');
    }
    if (!url.pathname.startsWith(API_PREFIX)) throw new RegionError('not-found', `Not a MAAS API 1.0 path: ${url.pathname} (the API is under ${API_PREFIX}).`);
    let segs: string[];
    try {
      segs = url.pathname.slice(API_PREFIX.length).split('/').filter(Boolean).map(decodeURIComponent);
    } catch {
      throw badRequest('Malformed percent-encoding in the request path.');
    }
    const query = Params.fromSearch(url.searchParams);
    if (segs.length === 1 && segs[0] === 'describe') {
      req.resume();
      return send(res, describeApi(d.resources, origin));
    }
    const found = route(routes, segs);
    if (!found) throw notServed(segs);
    if (!['GET', 'POST', 'PUT', 'DELETE'].includes(method)) throw new RegionError('method-not-allowed', `Method ${method} is not allowed here.`);
    let params = query;
    let bodyPairs: [string, string][] = [];
    let raw: Buffer | undefined;
    if (method === 'POST' || method === 'PUT') {
      const body = await readBody(req, d.limits);
      params = body.params;
      raw = body.raw ?? undefined;
      // OAuth signs urlencoded form parameters only, never an octet-stream body.
      if (body.raw && body.raw.length && !(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/octet-stream')) {
        bodyPairs = [...new URLSearchParams(body.raw.toString('utf8'))];
      }
    } else req.resume();
    const op = query.get('op') ?? (params !== query ? params.get('op') : undefined);
    const key = op ? `${method} ${op}` : method;
    const { resource, args } = found;
    const isPublic = resource.public?.includes(key) ?? false;
    let who = null;
    if (!isPublic) {
      who = d.auth.authenticate(req.headers.authorization, {
        method, baseUrl: `${origin}${url.pathname}`, params: [...url.searchParams, ...bodyPairs],
      });
      if (!who && !(resource.anonymous?.includes(key) ?? false)) {
        throw unauthorized('Authentication required: sign the request with a MAAS API key (OAuth 1.0a, PLAINTEXT or HMAC-SHA1).');
      }
    }
    const handler = resource.ops[key];
    if (!handler) {
      if (!Object.keys(resource.ops).some((k) => k.split(' ')[0] === method)) {
        throw new RegionError('method-not-allowed', `Method ${method} is not allowed on ${API_PREFIX}${resource.path}.`);
      }
      throw badRequest(`Unrecognised signature: method=${method} op=${op ?? 'None'}`);
    }
    const ctx: Ctx = { method, op, params, query, user: who?.user ?? null, token: who?.token ?? null, args, origin, url, ...(raw ? { body: raw } : {}) };
    send(res, await handler(ctx));
  };

  return createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const err = toRegionError(e, d.log);
      if (!res.headersSent) {
        res.statusCode = err.status;
        res.setHeader('Content-Type', err.fields ? 'application/json' : 'text/plain; charset=utf-8');
        if (err.kind === 'unauthorized') res.setHeader('WWW-Authenticate', 'OAuth realm="OAuth"');
        if (err.kind === 'too-large' || !req.complete) res.setHeader('Connection', 'close');
        res.end(err.fields ? JSON.stringify(err.fields) : err.message);
      } else res.destroy();
      if (!req.complete) req.resume();
    });
  });
}

function toRegionError(e: unknown, log: (t: string) => void): RegionError {
  if (e instanceof RegionError) return e;
  const code = (e as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_CONSTRAINT')) return new RegionError('conflict', 'The change conflicts with existing data (a name, MAC address or key already in use).');
  if (code === 'SQLITE_BUSY') return new RegionError('unavailable', 'The region database is busy; try again.');
  log(`internal error: ${(e as Error)?.stack ?? String(e)}`);
  return new RegionError('internal', 'Internal error while handling the request (logged by the region).');
}

function send(res: ServerResponse, r: Reply): void {
  res.statusCode = r.status ?? 200;
  if ('json' in r) {
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(r.json));
  } else if ('body' in r) {
    res.setHeader('Content-Type', r.contentType);
    res.end(r.body);
  } else res.end();
}
