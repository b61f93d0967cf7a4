// A local MAAS stand-in on 127.0.0.1:0 that answers as MAAS 2.x (`/MAAS/api/2.0/`) or MAAS
// 1.x (`/MAAS/api/1.0/`) did, in the JSON and BSON shapes of shared/reference. It checks the
// OAuth PLAINTEXT header of every signed call, keeps machines/tags/zones/events as state so
// bulk calls can be followed by reads (power parameters included: enlisted, updated, read one
// node or many at a time), records every request, and can inject faults
// (503 + Retry-After, dropped connections, silence, 401) for the client's retry tests.
import { createServer as createHttp, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo } from 'node:net';
import busboy from 'busboy';
import { serialize } from 'bson';
import { asApi1, asApi2, machine, statusNameOf, type ReplayMachine } from './maas-replay-fixtures';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  form: [string, string][];
  authorization: string | undefined;
}

export interface Fault {
  /** Which requests it applies to. */
  match: (r: RecordedRequest) => boolean;
  /** How many times (then it is spent). */
  times: number;
  /** `lost-answer`: the server does the request, then the connection drops before the answer. */
  kind: 'status' | 'drop' | 'silence' | 'lost-answer';
  status?: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface ReplayOptions {
  api: '1.0' | '2.0';
  machines: ReplayMachine[];
  /** consumer:token:secret accepted by the server. */
  apiKey: string;
  tls?: { key: string; cert: string };
  /** Answer the collection's `op=power_parameters` with 400, as a server without the op would. */
  noBulkPowerParameters?: boolean;
}

export interface ReplayServer {
  url: string;
  root: string;
  requests: RecordedRequest[];
  machines: Map<string, ReplayMachine>;
  tags: Map<string, { name: string; definition: string; comment: string; kernel_opts: string }>;
  faults: Fault[];
  /** TCP connections accepted so far (keep-alive reuses one). */
  connections(): number;
  close(): Promise<void>;
}

type Reply = { status: number; body: unknown; type?: string };
const text = (status: number, body: string): Reply => ({ status, body, type: 'text/plain; charset=utf-8' });
const RELEASABLE = new Set([5, 6, 9, 10, 11, 13, 15]);
const POWER_PREFIX = 'power_parameters_';
/** power_parameters_{name} of a create or update form (MAAS merges them into what it keeps). */
const powerParamsOf = (form: [string, string][]) =>
  Object.fromEntries(form.filter(([k]) => k.startsWith(POWER_PREFIX)).map(([k, v]) => [k.slice(POWER_PREFIX.length), v]));

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

export async function startReplayServer(o: ReplayOptions): Promise<ReplayServer> {
  const [consumer, token, secret] = o.apiKey.split(':');
  const machines = new Map(o.machines.map((m) => [m.system_id, m]));
  const tags: ReplayServer['tags'] = new Map();
  const zones = [{ name: 'default', description: '' }, { name: 'rack-12', description: 'Row 3' }];
  const events = Array.from({ length: 25 }, (_, i) => ({
    id: i + 1, node: o.machines[i % Math.max(1, o.machines.length)]?.system_id ?? '', hostname: `node-${i}`,
    level: i % 5 === 0 ? 'WARNING' : 'INFO', created: 'Thu, 29 Jan. 2015 10:52:12', type: 'Node changed status', description: `event ${i + 1}`,
  })).reverse();
  const requests: RecordedRequest[] = [];
  const faults: Fault[] = [];
  const api2 = o.api === '2.0';
  const prefix = `/MAAS/api/${o.api}/`;
  const coll = api2 ? 'machines' : 'nodes';
  const idsParam = api2 ? 'machines' : 'nodes';
  const show = (m: ReplayMachine) => (api2 ? asApi2(m, prefix) : asApi1(m, prefix));

  const authorised = (auth: string | undefined): boolean => {
    if (!auth?.startsWith('OAuth ')) return false;
    const p = Object.fromEntries([...auth.slice(6).matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], decodeURIComponent(m[2])]));
    return p.oauth_signature_method === 'PLAINTEXT' && p.oauth_consumer_key === consumer && p.oauth_token === token && p.oauth_signature === `&${secret}`;
  };

  function route(r: RecordedRequest): Reply {
    const op = r.query.get('op') ?? '';
    const form = (k: string) => r.form.filter(([n]) => n === k).map(([, v]) => v);
    const rest = r.path.slice(prefix.length);
    if (rest === 'version/' && r.method === 'GET') {
      return { status: 200, body: api2 ? { capabilities: ['networks-management', 'static-ipaddresses'], version: '2.9.2', subversion: '9165-g.c3e41754c' } : { capabilities: ['networks-management'] } };
    }
    if (!authorised(r.authorization)) return text(401, "Authorization Error: 'Invalid access token: unknown'");
    if (rest === 'describe/') return { status: 200, body: { doc: 'MAAS API', handlers: [], resources: [] } };
    if (rest === 'zones/' && r.method === 'GET') return { status: 200, body: zones };
    if (rest === `${coll}/` && r.method === 'GET' && op === (api2 ? '' : 'list')) {
      const ids = r.query.getAll('id'); const hosts = r.query.getAll('hostname'); const zone = r.query.get('zone');
      const list = [...machines.values()].filter((m) => (!ids.length || ids.includes(m.system_id))
        && (!hosts.length || hosts.includes(m.hostname)) && (!zone || m.zone === zone));
      return { status: 200, body: list.map(show) };
    }
    if (rest === `${coll}/` && r.method === 'POST' && op === (api2 ? '' : 'new')) {
      // Enlistment (2.x `machines create`, 1.x `nodes new`): MACs must be new, as in MAAS.
      const macs = form('mac_addresses').map((m) => m.toLowerCase());
      const hostname = form('hostname')[0] ?? '';
      for (const mac of macs) {
        const owner = [...machines.values()].find((m) => m.macs.includes(mac));
        if (owner) return text(400, `{"mac_addresses": ["One or more MAC addresses is invalid. ('Mac address ${mac} already in use on ${owner.hostname}.')"]}`);
      }
      if ([...machines.values()].some((m) => m.hostname === hostname)) return text(400, `{"hostname": ["Node with this Hostname already exists."]}`);
      const m = machine(900 + machines.size, 0, { system_id: `new${String(machines.size).padStart(5, '0')}`, hostname, macs,
        architecture: form('architecture')[0] ?? 'amd64/generic', power_type: form('power_type')[0] ?? '', power_parameters: powerParamsOf(r.form) });
      machines.set(m.system_id, m);
      return { status: 200, body: show(m) };
    }
    if (rest === `${coll}/` && r.method === 'GET' && op === 'power_parameters') {
      // 2.x `machines power-parameters`, 1.x `nodes power-parameters`: keyed by system_id, `id` filters.
      if (o.noBulkPowerParameters) return text(400, `Unrecognised signature: method=GET op=${op}`);
      const ids = r.query.getAll('id');
      return { status: 200, body: Object.fromEntries([...machines.values()].filter((m) => !ids.length || ids.includes(m.system_id))
        .map((m) => [m.system_id, m.power_parameters])) };
    }
    if (rest === 'zones/' && r.method === 'POST') {
      const z = { name: form('name')[0] ?? '', description: form('description')[0] ?? '' };
      zones.push(z);
      return { status: 200, body: z };
    }
    if (rest === `${coll}/` && r.method === 'POST') {
      const ids = form(idsParam);
      if (op === 'accept_all') {
        const changed = [...machines.values()].filter((m) => m.status === 0);
        for (const m of changed) m.status = 1;
        return { status: 200, body: changed.map(show) };
      }
      const missing = ids.filter((id) => !machines.has(id));
      if (missing.length) return text(400, `Unknown node(s): ${missing.join(', ')}.`);
      if (op === 'accept') {
        const bad = ids.map((id) => machines.get(id)!).filter((m) => ![0, 1, 4].includes(m.status));
        if (bad.length) return text(409, `Cannot accept node enlistment: node ${bad[0].system_id} is in state ${statusNameOf(bad[0].status)}.`);
        const changed = ids.filter((id) => machines.get(id)!.status === 0);
        for (const id of changed) machines.get(id)!.status = 1;
        return { status: 200, body: api2 ? changed.map((id) => show(machines.get(id)!)) : changed };
      }
      if (op === 'release') {
        const released: string[] = []; const failed: string[] = [];
        for (const id of ids) {
          const m = machines.get(id)!;
          if (m.status === 4) continue;
          if (RELEASABLE.has(m.status)) { m.status = 4; m.owner = null; released.push(id); } else failed.push(`${id} ('${statusNameOf(m.status)}')`);
        }
        if (failed.length) return text(409, `${api2 ? 'Machine' : 'Node'}(s) cannot be released in their current state: ${failed.join(', ')}.`);
        return { status: 200, body: released };
      }
    }
    if (rest === 'nodes/' && r.method === 'POST' && op === 'set_zone') {
      for (const id of form('nodes')) { const m = machines.get(id); if (m) m.zone = form('zone')[0] ?? ''; }
      return { status: 200, body: null };
    }
    const one = new RegExp(`^${coll}/([^/]+)/$`).exec(rest);
    if (one) {
      const m = machines.get(decodeURIComponent(one[1]));
      if (!m) return text(404, 'Not Found');
      if (r.method === 'DELETE') { machines.delete(m.system_id); return { status: 204, body: '' }; }
      if (r.method === 'PUT') {
        for (const [k, v] of r.form) if (k === 'hostname') m.hostname = v;
        const type = form('power_type')[0];
        // A new power type starts from the parameters given with it (MAAS drops the old type's).
        if (type !== undefined && type !== m.power_type) { m.power_type = type; m.power_parameters = {}; }
        Object.assign(m.power_parameters, powerParamsOf(r.form));
        return { status: 200, body: show(m) };
      }
      if (r.method === 'GET' && op === 'power_parameters') return { status: 200, body: m.power_parameters };
      if (r.method === 'GET' && op === 'details') {
        const doc: Record<string, unknown> = { lshw: m.lshw === null ? null : Buffer.from(m.lshw), lldp: m.lldp === null ? null : Buffer.from(m.lldp) };
        return { status: 200, body: Buffer.from(serialize(doc)), type: 'application/bson' };
      }
      if (r.method === 'GET' && !op) return { status: 200, body: show(m) };
      const on = api2 ? 'power_on' : 'start'; const off = api2 ? 'power_off' : 'stop';
      if (op === on) m.power_state = 'on';
      else if (op === off) m.power_state = 'off';
      else if (op === 'commission') m.status = 1;
      else if (op === 'mark_broken') m.status = 8;
      else if (op === 'mark_fixed') { if (m.status !== 8) return text(409, `Node ${m.system_id} is not broken.`); m.status = 4; }
      else return text(400, `Unrecognised signature: method=${r.method} op=${op}`);
      return { status: 200, body: show(m) };
    }
    if (rest === 'tags/' && r.method === 'GET' && op === (api2 ? '' : 'list')) return { status: 200, body: [...tags.values()] };
    if (rest === 'tags/' && r.method === 'POST' && op === (api2 ? '' : 'new')) {
      const name = form('name')[0] ?? '';
      if (!/^[\w-]+$/.test(name)) return text(400, `{"name": ["Invalid tag name: ${name}"]}`);
      const t = { name, definition: form('definition')[0] ?? '', comment: form('comment')[0] ?? '', kernel_opts: form('kernel_opts')[0] ?? '' };
      tags.set(name, t);
      return { status: 200, body: t };
    }
    const tag = /^tags\/([^/]+)\/$/.exec(rest);
    if (tag) {
      const t = tags.get(decodeURIComponent(tag[1]));
      if (!t) return text(404, 'Not Found');
      if (r.method === 'DELETE') { tags.delete(t.name); return { status: 204, body: '' }; }
      if (r.method === 'PUT') { for (const [k, v] of r.form) if (k === 'comment' || k === 'definition') t[k] = v; return { status: 200, body: t }; }
      if (r.method === 'GET' && op === (api2 ? 'machines' : 'nodes')) {
        return { status: 200, body: [...machines.values()].filter((m) => m.tag_names.includes(t.name)).map(show) };
      }
      if (r.method === 'POST' && op === 'update_nodes') {
        let added = 0; let removed = 0;
        for (const id of form('add')) { const m = machines.get(id); if (m && !m.tag_names.includes(t.name)) { m.tag_names.push(t.name); added++; } }
        for (const id of form('remove')) { const m = machines.get(id); if (m?.tag_names.includes(t.name)) { m.tag_names = m.tag_names.filter((x) => x !== t.name); removed++; } }
        return { status: 200, body: { added, removed } };
      }
    }
    if (rest === 'events/' && r.method === 'GET' && op === 'query') {
      const limit = Math.min(1000, Number(r.query.get('limit') ?? 100));
      const before = r.query.get('before'); const after = r.query.get('after');
      let list = events;
      if (before) list = list.filter((e) => e.id < Number(before));
      if (after) list = list.filter((e) => e.id > Number(after));
      const page = list.slice(0, limit);
      const uri = (k: string, v: number) => `${prefix}events/?op=query&limit=${limit}&${k}=${v}`;
      return { status: 200, body: { count: page.length, events: page,
        next_uri: page.length ? uri('before', page[page.length - 1].id) : null, prev_uri: page.length ? uri('after', page[0].id) : null } };
    }
    return text(404, `No handler for ${r.method} ${r.path} op=${op}`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const u = new URL(req.url ?? '/', 'http://x');
    const r: RecordedRequest = { method: req.method ?? 'GET', path: u.pathname, query: u.searchParams, form: await readForm(req), authorization: req.headers.authorization };
    requests.push(r);
    const fault = faults.find((f) => f.times > 0 && f.match(r));
    if (fault) {
      fault.times--;
      if (fault.kind === 'drop') { req.socket.destroy(); return; }
      if (fault.kind === 'lost-answer') { if (r.path.startsWith(prefix)) route(r); req.socket.destroy(); return; }
      if (fault.kind === 'silence') return; // never answers: the client's timeout must fire
      res.writeHead(fault.status ?? 503, { 'content-type': 'text/plain', ...fault.headers }).end(fault.body ?? 'Service Unavailable');
      return;
    }
    const reply = r.path.startsWith(prefix) ? route(r) : text(404, 'Not Found');
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
    url, root: `${url}/MAAS/`, requests, machines, tags, faults, connections: () => accepted,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
