// What a MAAS 2.x/3.x server offers besides machines: its version, the API description
// (`describe/`: each handler with its operations, the way a client learns which ops a
// release has), boot resources and defaults to deploy with, commissioning and testing
// scripts, resource pools. Releases older than an op do not list it and answer it as MAAS's
// dispatcher does: 400 "Unrecognised signature".

export interface Offer {
  /** MAAS's `version/` "version" (3.x: "3.4.9"; older: "2.4.2"). */
  version: string;
  releases: string[];
  commissioningScripts: { name: string; tags: string[] }[];
  testingScripts: { name: string; tags: string[] }[];
  pools: string[];
}

/** The MAAS release each machine op first appeared in (MAAS release notes / api/machines.py history). */
export const OP_SINCE: Record<string, string> = {
  deploy: '2.0', commission: '2.0', abort: '2.0', mark_broken: '2.0', mark_fixed: '2.0', power_on: '2.0', power_off: '2.0',
  query_power_state: '2.0', release: '2.0', details: '2.0', power_parameters: '2.0',
  test: '2.2', override_failed_testing: '2.2', rescue_mode: '2.2', exit_rescue_mode: '2.2', lock: '2.5', unlock: '2.5',
};

const atLeast = (version: string, since: string) => {
  const [a, b] = version.split(/[.\s-]/).map(Number);
  const [c, d] = since.split('.').map(Number);
  return a > c || (a === c && b >= d);
};

export const offers = (o: Offer, op: string): boolean => (OP_SINCE[op] ? atLeast(o.version, OP_SINCE[op]) : true);
export const hasPools = (o: Offer) => atLeast(o.version, '2.5');

export const versionBody = (o: Offer) => ({
  capabilities: ['networks-management', 'static-ipaddresses', 'ipv6-deployment-ubuntu', 'devices-management',
    'storage-deployment-ubuntu', 'network-deployment-ubuntu', 'bridging-interface-ubuntu', 'bridging-automatic-ubuntu', 'authenticate-api'],
  version: o.version,
  subversion: `${o.version.replace(/\./g, '')}-g.4f1e9c2d1`,
});

/** `describe/` (api/doc_handler.py `describe`): handlers with their actions, paths absolute. */
export function describeBody(o: Offer, origin: string, prefix: string) {
  const action = (op: string, method = 'POST') => ({ name: op, method, op, restful: false, doc: `${op} (replay)` });
  const machineOps = Object.keys(OP_SINCE).filter((op) => offers(o, op))
    .map((op) => action(op, ['details', 'power_parameters', 'query_power_state'].includes(op) ? 'GET' : 'POST'));
  const machineHandler = {
    name: 'MachineHandler', doc: 'Manage an individual machine.', params: ['system_id'], path: `${prefix}machines/{system_id}/`,
    actions: [{ name: 'read', method: 'GET', op: null, restful: true, doc: '' }, { name: 'update', method: 'PUT', op: null, restful: true, doc: '' }, ...machineOps],
  };
  const machinesHandler = {
    name: 'MachinesHandler', doc: 'Manage the collection of all the machines in the MAAS.', params: [], path: `${prefix}machines/`,
    actions: ['accept', 'accept_all', 'release', 'allocate', 'power_parameters'].map((op) => action(op)),
  };
  const resource = (h: typeof machineHandler) => ({ name: h.name.replace('Handler', ''), anon: null, auth: { ...h, uri: `${origin}${h.path}` } });
  return { doc: 'MAAS API', hash: `replay-${o.version}`, handlers: [machineHandler, machinesHandler], resources: [resource(machineHandler), resource(machinesHandler)] };
}

const KERNEL: Record<string, string> = { focal: '20.04', jammy: '22.04', noble: '24.04' };

/** `boot-resources/`: synced images (name os/series, architecture arch/subarch) and bootloaders. */
export function bootResources(o: Offer, prefix: string) {
  const out: { id: number; type: string; name: string; architecture: string; resource_uri: string; subarches?: string }[] = [];
  const add = (name: string, architecture: string, subarches?: string) =>
    out.push({ id: out.length + 1, type: 'Synced', name, architecture, resource_uri: `${prefix}boot-resources/${out.length + 1}/`, ...(subarches ? { subarches } : {}) });
  add('grub-efi-signed/uefi', 'amd64/generic');
  add('pxelinux/pxelinux', 'i386/generic');
  for (const r of o.releases) {
    const v = KERNEL[r] ?? '22.04';
    add(`ubuntu/${r}`, `amd64/ga-${v}`, `generic,hwe-${v},ga-${v}`);
    add(`ubuntu/${r}`, `amd64/hwe-${v}`, `generic,hwe-${v}`);
    add(`ubuntu/${r}`, `amd64/hwe-${v}-edge`, `generic,hwe-${v}-edge`);
  }
  return out;
}

/** `scripts/?type=…` (api/scripts.py NodeScriptsHandler.read), the fields clients read. */
export const scriptsBody = (list: { name: string; tags: string[] }[], type: 'commissioning' | 'testing', prefix: string) =>
  list.map((s, i) => ({ id: i + 1, name: s.name, title: s.name, description: '', tags: s.tags, type: type === 'commissioning' ? 0 : 2,
    type_name: type === 'commissioning' ? 'commissioning script' : 'testing script', timeout: '0:10:00', destructive: false, default: true,
    resource_uri: `${prefix}scripts/${s.name}` }));

export const poolsBody = (o: Offer, prefix: string) =>
  o.pools.map((name, id) => ({ id, name, description: id === 0 ? 'Default pool' : '', resource_uri: `${prefix}resourcepool/${id}/` }));
