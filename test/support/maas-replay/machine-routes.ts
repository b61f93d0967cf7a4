// The machines (2.x/3.x) or nodes (1.x) collection and its members, as MAAS's handlers answer.
import { serialize } from 'bson';
import { asApi1 } from './api1-node';
import { asApi2 } from './api2-machine';
import { machine, macsOf, statusNameOf, type ReplayMachine } from './machine';
import { formErrors, machineOp, text, type OpContext, type Reply } from './machine-ops';
import { hasPools, offers, type Offer } from './server-offer';
import { texts } from './texts';

export interface MachineState {
  api2: boolean;
  prefix: string;
  machines: Map<string, ReplayMachine>;
  offer: Offer;
  noBulkPowerParameters: boolean;
  deployAllocates: boolean;
  record: OpContext['record'];
}

export interface Req { method: string; rest: string; op: string; query: URLSearchParams; form: (k: string) => string[]; all: [string, string][] }

const RELEASABLE = new Set([5, 6, 9, 10, 11, 13, 15]);
const POWER_PREFIX = 'power_parameters_';
const powerParamsOf = (form: [string, string][]) =>
  Object.fromEntries(form.filter(([k]) => k.startsWith(POWER_PREFIX)).map(([k, v]) => [k.slice(POWER_PREFIX.length), v]));
const json = (body: unknown): Reply => ({ status: 200, body });
const unrecognised = (r: Req) => text(400, `Unrecognised signature: method=${r.method} op=${r.op}`);

export function collectionRoute(s: MachineState, r: Req): Reply | null {
  const coll = s.api2 ? 'machines/' : 'nodes/';
  if (r.rest !== coll) return null;
  const show = (m: ReplayMachine) => (s.api2 ? asApi2(m, s.prefix) : asApi1(m, s.prefix));
  if (r.method === 'GET' && r.op === (s.api2 ? '' : 'list')) {
    const ids = r.query.getAll('id'); const hosts = r.query.getAll('hostname'); const zone = r.query.get('zone');
    const macs = r.query.getAll('mac_address').map((m) => m.toLowerCase());
    return json([...s.machines.values()].filter((m) => (!ids.length || ids.includes(m.system_id)) && (!hosts.length || hosts.includes(m.hostname))
      && (!zone || m.zone === zone) && (!macs.length || macsOf(m).some((x) => macs.includes(x)))).map(show));
  }
  if (r.method === 'GET' && r.op === 'power_parameters') {
    if (s.noBulkPowerParameters) return unrecognised(r);
    const ids = r.query.getAll('id');
    return json(Object.fromEntries([...s.machines.values()].filter((m) => !ids.length || ids.includes(m.system_id)).map((m) => [m.system_id, m.power_parameters])));
  }
  if (r.method !== 'POST') return null;
  if (r.op === (s.api2 ? '' : 'new')) {
    const macs = r.form('mac_addresses').map((m) => m.toLowerCase());
    const hostname = r.form('hostname')[0] ?? '';
    for (const mac of macs) {
      const owner = [...s.machines.values()].find((m) => macsOf(m).includes(mac));
      if (owner) return formErrors({ mac_addresses: [`One or more MAC addresses is invalid. ('Mac address ${mac} already in use on ${owner.hostname}.')`] });
    }
    if ([...s.machines.values()].some((m) => m.hostname === hostname)) return formErrors({ hostname: ['Node with this Hostname already exists.'] });
    const m = machine(900 + s.machines.size, 0, { system_id: `new${String(s.machines.size).padStart(5, '0')}`, hostname, macs,
      architecture: r.form('architecture')[0] ?? 'amd64/generic', power_type: r.form('power_type')[0] ?? '', power_parameters: powerParamsOf(r.all) });
    s.machines.set(m.system_id, m);
    return json(show(m));
  }
  if (r.op === 'accept_all') {
    const changed = [...s.machines.values()].filter((m) => m.status === 0);
    for (const m of changed) { m.status = 1; s.record(m, 'Node changed status', "From 'New' to 'Commissioning'"); }
    return json(changed.map(show));
  }
  // 2.x `allocate` (system_id=), 1.8 `acquire` (name= the hostname).
  if (r.op === (s.api2 ? 'allocate' : 'acquire')) {
    const id = r.form('system_id')[0]; const name = r.form('name')[0];
    const m = [...s.machines.values()].find((x) => (id ? x.system_id === id : true) && (name ? x.hostname === name : true)
      && x.status === 4 && x.owner === null && !x.locked);
    if (!m) return text(409, texts.notAvailableById(id ?? name ?? ''));
    m.owner = 'admin';
    m.status_message = "From 'Ready' to 'Allocated'";
    m.status = 10;
    s.record(m, 'Node', `Acquired '${m.hostname}'.`);
    return json(show(m));
  }
  const ids = [...new Set(r.form(s.api2 ? 'machines' : 'nodes'))];
  const missing = ids.filter((id) => !s.machines.has(id));
  if ((r.op === 'accept' || r.op === 'release') && missing.length) return text(400, texts.unknownIds(s.api2, missing));
  // MAAS walks the machines in its own (database) order, not the order asked.
  const asked = [...s.machines.values()].filter((m) => ids.includes(m.system_id));
  if (r.op === 'accept') {
    // accept_enlistment one machine at a time: the first refusal raises 409, and only a 500
    // rolls the request back, so the machines accepted before it stay accepted.
    const changed: ReplayMachine[] = [];
    for (const m of asked) {
      if (m.status === 1 || m.status === 4) continue;
      if (m.status !== 0) return text(409, texts.cannotAccept(m.system_id, m.status));
      m.status = 1;
      s.record(m, 'Node changed status', "From 'New' to 'Commissioning'");
      changed.push(m);
    }
    return json(s.api2 ? changed.map(show) : changed.map((m) => m.system_id));
  }
  if (r.op === 'release') {
    const released: string[] = []; const failed: string[] = [];
    for (const m of asked) {
      if (m.status === 4) continue;
      if (RELEASABLE.has(m.status) && !m.locked) {
        m.status_message = `From '${statusNameOf(m.status)}' to 'Releasing'`;
        m.status = s.api2 ? 12 : 4; m.owner = null; m.osystem = ''; m.distro_series = ''; m.power_state = 'off';
        s.record(m, 'Node changed status', 'Releasing');
        released.push(m.system_id);
      } else failed.push(`${m.system_id} ('${statusNameOf(m.status)}')`);
    }
    if (failed.length) return text(409, texts.cannotReleaseMany(s.api2, failed));
    return json(released);
  }
  return null;
}

export function memberRoute(s: MachineState, r: Req, ctx: Omit<OpContext, 'form' | 'deployAllocates' | 'record'>): Reply | null {
  const one = new RegExp(`^${s.api2 ? 'machines' : 'nodes'}/([^/]+)/$`).exec(r.rest);
  if (!one) return null;
  const m = s.machines.get(decodeURIComponent(one[1]));
  if (!m) return text(404, s.api2 ? texts.noMachine : 'Not Found');
  const show = () => (s.api2 ? asApi2(m, s.prefix) : asApi1(m, s.prefix));
  if (r.method === 'DELETE') { s.machines.delete(m.system_id); return { status: 204, body: '' }; }
  if (r.method === 'PUT') {
    const pool = r.form('pool')[0];
    if (pool !== undefined) {
      if (!s.api2 || !hasPools(s.offer)) return null;
      if (!s.offer.pools.includes(pool)) return formErrors({ pool: ['Select a valid choice. That choice is not one of the available choices.'] });
      m.pool = pool;
    }
    for (const [k, v] of r.all) if (k === 'hostname') m.hostname = v;
    const type = r.form('power_type')[0];
    if (type !== undefined && type !== m.power_type) { m.power_type = type; m.power_parameters = {}; }
    Object.assign(m.power_parameters, powerParamsOf(r.all));
    return json(show());
  }
  if (r.method === 'GET' && r.op === 'power_parameters') return json(m.power_parameters);
  if (r.method === 'GET' && r.op === 'query_power_state') return json({ state: m.power_state });
  if (r.method === 'GET' && r.op === 'details') {
    const doc = { lshw: m.lshw === null ? null : Buffer.from(m.lshw), lldp: m.lldp === null ? null : Buffer.from(m.lldp) };
    return { status: 200, body: Buffer.from(serialize(doc)), type: 'application/bson' };
  }
  if (r.method === 'GET' && !r.op) return json(show());
  if (r.method !== 'POST') return null;
  const op = !s.api2 ? ({ start: 'power_on', stop: 'power_off', abort_operation: 'abort' } as Record<string, string>)[r.op] ?? r.op : r.op;
  if (s.api2 && !offers(s.offer, op)) return unrecognised(r);
  const refused = machineOp({ ...ctx, form: r.form, deployAllocates: s.deployAllocates, record: s.record }, m, op);
  if (refused?.status === -1) return unrecognised(r);
  return refused ?? json(show());
}
