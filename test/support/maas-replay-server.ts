// A local MAAS stand-in on 127.0.0.1:0 that answers as MAAS 2.x/3.x (`/MAAS/api/2.0/`, and
// 410 under `api/1.0/`) or MAAS 1.8 (`/MAAS/api/1.0/`), in the shapes and words of MAAS's
// source (test/support/maas-replay/). It checks the OAuth PLAINTEXT header of every signed
// call, keeps machines, tags, zones and events as state so calls can be followed by reads,
// records every request, and can inject faults (503 + Retry-After, dropped connections,
// silence, a lost answer) for the client's retry tests.
import { createServer as createHttp, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo } from 'node:net';
import busboy from 'busboy';
import { asApi1 } from './maas-replay/api1-node';
import { asApi2 } from './maas-replay/api2-machine';
import { maasTime, queryEvents, type ReplayEvent } from './maas-replay/events';
import type { ReplayMachine } from './maas-replay/machine';
import { settle as settleOne, text, type Reply } from './maas-replay/machine-ops';
import { collectionRoute, memberRoute, type MachineState, type Req } from './maas-replay/machine-routes';
import { bootResources, describeBody, hasPools, poolsBody, scriptsBody, versionBody, type Offer } from './maas-replay/server-offer';
import { scriptResultsRoute } from './maas-replay/script-results';
import { texts } from './maas-replay/texts';

export { machine, type ReplayMachine } from './maas-replay/machine';
export type { ReplayEvent } from './maas-replay/events';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  form: [string, string][];
  authorization: string | undefined;
}

export interface Fault {
  match: (r: RecordedRequest) => boolean;
  /** How many times (then it is spent). */
  times: number;
  /** `lost-answer`: the server does the request, then the connection drops before the answer. */
  kind: 'status' | 'drop' | 'silence' | 'lost-answer';
  status?: number;
  headers?: Record<string, string>;
  body?: string;
}

export type ReplayTag = { name: string; definition: string; comment: string; kernel_opts: string };

export interface ReplayOptions {
  api: '1.0' | '2.0';
  machines: ReplayMachine[];
  /** consumer:token:secret accepted by the server. */
  apiKey: string;
  tls?: { key: string; cert: string };
  /** Answer the collection's `op=power_parameters` as a server without the op would. */
  noBulkPowerParameters?: boolean;
  /** The MAAS release (2.0 servers): ops newer than it are not offered. Default "3.4.9". */
  version?: string;
  /** Events, any order; default: 25 generated ones. */
  events?: ReplayEvent[];
  tags?: ReplayTag[];
  releases?: string[];
  pools?: string[];
}

export interface ReplayServer {
  url: string;
  root: string;
  requests: RecordedRequest[];
  machines: Map<string, ReplayMachine>;
  tags: Map<string, ReplayTag>;
  events: ReplayEvent[];
  faults: Fault[];
  /** Ends in-progress states (Commissioning → Ready, Deploying → Deployed…) as booted machines report. */
  settle(ids?: string[], outcome?: 'passes' | 'fails'): void;
  connections(): number;
  close(): Promise<void>;
}

function readForm(req: IncomingMessage): Promise<[string, string][]> {
  return new Promise((resolve, reject) => {
    if (!/multipart\/form-data/.test(req.headers['content-type'] ?? '')) { req.resume(); req.on('end', () => resolve([])); return; }
    const out: [string, string][] = [];
    const bb = busboy({ headers: req.headers });
    bb.on('field', (name, value) => out.push([name, value]));
    bb.on('file', (name, stream) => { const parts: Buffer[] = []; stream.on('data', (c: Buffer) => parts.push(c)); stream.on('end', () => out.push([name, Buffer.concat(parts).toString('utf8')])); });
    bb.on('close', () => resolve(out));
    bb.on('error', reject);
    req.pipe(bb);
  });
}

const defaultEvents = (machines: ReplayMachine[]): ReplayEvent[] => Array.from({ length: 25 }, (_, i) => ({
  id: i + 1, username: 'unknown', node: machines[i % Math.max(1, machines.length)]?.system_id ?? null, hostname: `node-${i}`,
  level: i % 5 === 0 ? 'WARNING' : 'INFO', created: 'Thu, 29 Jan. 2015 10:52:12', type: 'Node changed status', description: `event ${i + 1}`,
}));

export async function startReplayServer(o: ReplayOptions): Promise<ReplayServer> {
  const [consumer, token, secret] = o.apiKey.split(':');
  const api2 = o.api === '2.0';
  const prefix = `/MAAS/api/${o.api}/`;
  const offer: Offer = {
    version: o.version ?? '3.4.9', releases: o.releases ?? ['focal', 'jammy', 'noble'], pools: o.pools ?? ['default', 'gpu-farm'],
    commissioningScripts: [{ name: 'update_firmware', tags: ['firmware'] }, { name: 'configure-hba', tags: ['hba'] }],
    testingScripts: [{ name: 'smartctl-validate', tags: ['storage', 'commissioning'] }, { name: 'memtester', tags: ['memory'] }, { name: 'stress-ng-cpu-short', tags: ['cpu'] }],
  };
  const events = o.events ? [...o.events] : defaultEvents(o.machines);
  const record = (m: ReplayMachine, type: string, description: string) => {
    const id = Math.max(0, ...events.map((e) => e.id)) + 1;
    events.push({ id, username: 'admin', node: m.system_id, hostname: m.hostname, level: 'INFO', created: maasTime(new Date()), type, description });
  };
  const state: MachineState = {
    api2, prefix, machines: new Map(o.machines.map((m) => [m.system_id, m])), offer, noBulkPowerParameters: !!o.noBulkPowerParameters,
    deployAllocates: Number(offer.version.split('.')[0]) >= 3, record,
  };
  const tags: ReplayServer['tags'] = new Map((o.tags ?? []).map((t) => [t.name, t]));
  const zones = [{ name: 'default', description: '' }, { name: 'rack-12', description: 'Row 3' }];
  const requests: RecordedRequest[] = [];
  const faults: Fault[] = [];
  const show = (m: ReplayMachine) => (api2 ? asApi2(m, prefix) : asApi1(m, prefix));

  const authorised = (auth: string | undefined): boolean => {
    if (!auth?.startsWith('OAuth ')) return false;
    const p = Object.fromEntries([...auth.slice(6).matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], decodeURIComponent(m[2])]));
    return p.oauth_signature_method === 'PLAINTEXT' && p.oauth_consumer_key === consumer && p.oauth_token === token && p.oauth_signature === `&${secret}`;
  };
  const tokenOf = (auth: string | undefined) => /oauth_token="([^"]*)"/.exec(auth ?? '')?.[1] ?? '';

  function route(r: RecordedRequest, origin: string): Reply {
    const op = r.query.get('op') ?? '';
    const form = (k: string) => r.form.filter(([n]) => n === k).map(([, v]) => v);
    const rest = r.path.slice(prefix.length);
    if (rest === 'version/' && r.method === 'GET') return { status: 200, body: api2 ? versionBody(offer) : { capabilities: ['networks-management'] } };
    if (!authorised(r.authorization)) return text(401, texts.badToken(tokenOf(r.authorization)));
    const req: Req = { method: r.method, rest, op, query: r.query, form, all: r.form };
    const machineReply = collectionRoute(state, req) ?? memberRoute(state, req, {
      scripts: { commissioning: offer.commissioningScripts.flatMap((s) => [s.name, ...s.tags]), testing: offer.testingScripts.flatMap((s) => [s.name, ...s.tags]) },
      releases: offer.releases,
    });
    if (machineReply) return machineReply;
    const scriptReply = api2 ? scriptResultsRoute(rest, r.method, r.query, prefix, (id) => (state.machines.has(id) ? state.machines.get(id)!.script_sets ?? [] : undefined)) : null;
    if (scriptReply) return scriptReply;
    if (rest === 'describe/') return { status: 200, body: api2 ? describeBody(offer, origin, prefix) : { doc: 'MAAS API', handlers: [], resources: [] } };
    if (rest === 'zones/' && r.method === 'GET') return { status: 200, body: zones };
    if (rest === 'zones/' && r.method === 'POST') {
      const z = { name: form('name')[0] ?? '', description: form('description')[0] ?? '' };
      zones.push(z);
      return { status: 200, body: z };
    }
    if (rest === 'nodes/' && r.method === 'POST' && op === 'set_zone') {
      for (const id of form('nodes')) { const m = state.machines.get(id); if (m) m.zone = form('zone')[0] ?? ''; }
      return { status: 200, body: null };
    }
    if (api2 && rest === 'boot-resources/' && r.method === 'GET') return { status: 200, body: bootResources(offer, prefix) };
    if (api2 && rest === 'maas/' && op === 'get_config') {
      const name = r.query.get('name');
      const value = name === 'default_osystem' ? 'ubuntu' : name === 'default_distro_series' ? (offer.releases.includes('jammy') ? 'jammy' : offer.releases[0]) : null;
      return { status: 200, body: JSON.stringify(value) };
    }
    if (api2 && rest === 'scripts/' && r.method === 'GET') {
      const type = r.query.get('type') === 'testing' ? 'testing' : 'commissioning';
      return { status: 200, body: scriptsBody(type === 'testing' ? offer.testingScripts : offer.commissioningScripts, type, prefix) };
    }
    if (api2 && hasPools(offer) && rest === 'resourcepools/' && r.method === 'GET') return { status: 200, body: poolsBody(offer, prefix) };
    const tagReply = tagRoute(rest, r.method, op, form, r.form);
    if (tagReply) return tagReply;
    if (rest === 'events/' && r.method === 'GET' && op === 'query') {
      const ids = r.query.getAll('id'); const hosts = r.query.getAll('hostname'); const zone = r.query.get('zone');
      const nodeOf = (e: ReplayEvent) => (e.node ? state.machines.get(e.node) : undefined);
      return queryEvents(events, r.query, `${prefix}events/`, api2 ? '2.x' : '1.8', (e) => (!ids.length || ids.includes(e.node ?? ''))
        && (!hosts.length || hosts.includes(e.hostname)) && (!zone || nodeOf(e)?.zone === zone));
    }
    return text(404, `No handler for ${r.method} ${r.path} op=${op}`);
  }

  function tagRoute(rest: string, method: string, op: string, form: (k: string) => string[], all: [string, string][]): Reply | null {
    if (rest === 'tags/' && method === 'GET' && op === (api2 ? '' : 'list')) return { status: 200, body: [...tags.values()] };
    if (rest === 'tags/' && method === 'POST' && op === (api2 ? '' : 'new')) {
      const name = form('name')[0] ?? '';
      if (!/^[\w-]+$/.test(name)) return text(400, `{"name": ["Invalid tag name: ${name}"]}`);
      const t = { name, definition: form('definition')[0] ?? '', comment: form('comment')[0] ?? '', kernel_opts: form('kernel_opts')[0] ?? '' };
      tags.set(name, t);
      return { status: 200, body: t };
    }
    const tag = /^tags\/([^/]+)\/$/.exec(rest);
    if (!tag) return null;
    const t = tags.get(decodeURIComponent(tag[1]));
    if (!t) return text(404, api2 ? 'No Tag matches the given query.' : 'Not Found');
    if (method === 'DELETE') { tags.delete(t.name); return { status: 204, body: '' }; }
    if (method === 'PUT') { for (const [k, v] of all) if (k === 'comment' || k === 'definition' || k === 'kernel_opts') t[k] = v; return { status: 200, body: t }; }
    if (method === 'GET' && op === (api2 ? 'machines' : 'nodes')) return { status: 200, body: [...state.machines.values()].filter((m) => m.tag_names.includes(t.name)).map(show) };
    if (method === 'POST' && op === 'update_nodes') {
      let added = 0; let removed = 0;
      for (const id of form('add')) { const m = state.machines.get(id); if (m && !m.tag_names.includes(t.name)) { m.tag_names.push(t.name); added++; } }
      for (const id of form('remove')) { const m = state.machines.get(id); if (m?.tag_names.includes(t.name)) { m.tag_names = m.tag_names.filter((x) => x !== t.name); removed++; } }
      return { status: 200, body: { added, removed } };
    }
    return null;
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const u = new URL(req.url ?? '/', 'http://x');
    const r: RecordedRequest = { method: req.method ?? 'GET', path: u.pathname, query: u.searchParams, form: await readForm(req), authorization: req.headers.authorization };
    requests.push(r);
    const origin = `${o.tls ? 'https' : 'http'}://${req.headers.host}`;
    const fault = faults.find((f) => f.times > 0 && f.match(r));
    if (fault) {
      fault.times--;
      if (fault.kind === 'drop') { req.socket.destroy(); return; }
      if (fault.kind === 'lost-answer') { if (r.path.startsWith(prefix)) route(r, origin); req.socket.destroy(); return; }
      if (fault.kind === 'silence') return; // never answers: the client's timeout must fire
      res.writeHead(fault.status ?? 503, { 'content-type': 'text/plain', ...fault.headers }).end(fault.body ?? 'Service Unavailable');
      return;
    }
    const reply = r.path.startsWith(prefix) ? route(r, origin)
      : api2 && r.path.startsWith('/MAAS/api/1.0/') ? text(410, texts.apiGone) : text(404, 'Not Found');
    const body = Buffer.isBuffer(reply.body) ? reply.body : typeof reply.body === 'string' ? Buffer.from(reply.body) : Buffer.from(JSON.stringify(reply.body));
    res.writeHead(reply.status, { 'content-type': reply.type ?? 'application/json', 'content-length': body.length }).end(body);
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => { handle(req, res).catch((e) => res.writeHead(500).end(String(e))); };
  const server: Server = o.tls ? createHttps({ key: o.tls.key, cert: o.tls.cert }, listener) : createHttp(listener);
  let accepted = 0;
  server.on(o.tls ? 'secureConnection' : 'connection', () => { accepted++; });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `${o.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  return {
    url, root: `${url}/MAAS/`, requests, machines: state.machines, tags, events, faults, connections: () => accepted,
    settle: (ids, outcome) => { for (const m of state.machines.values()) if (!ids || ids.includes(m.system_id)) settleOne({ record }, m, outcome); },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

