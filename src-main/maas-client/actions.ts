// The machine actions of MAAS 2.x/3.x beside accept and release, and what the server offers
// to perform them with (api/machines.py, api/nodes.py, api/boot_resources.py, api/scripts.py,
// api/resourcepools.py). API 1.0 servers have their own two: deploy is `nodes op=acquire`
// (by hostname) then `op=start` with a distro series; abort is `op=abort_operation`.
import type { NodeSummary, ServerOffer } from '../../src-shared/maas/maas-types';
import { configValueShape, machineShape, versionShape } from './answer-shapes';
import type { Dialect } from './dialect';
import { MaasUnreachableError } from './errors';
import type { FormParams } from './form';
import type { MaasTransport } from './transport';

type Json = Record<string, unknown>;

export interface DeployOptions { osystem?: string; distroSeries?: string; hweKernel?: string; userData?: string; comment?: string }
export interface CommissionOptions { enableSsh?: boolean; skipNetworking?: boolean; skipStorage?: boolean; commissioningScripts?: string[]; testingScripts?: string[] }

export interface MachineActionCalls {
  /** What the server offers: its ops, images to deploy, scripts, pools (read fresh each time). */
  serverOffer(): Promise<ServerOffer>;
  /** `op=allocate system_id=` (2.0); `nodes op=acquire name=` (1.0). */
  allocateMachine(systemId: string, hostname: string): Promise<NodeSummary>;
  deployMachine(systemId: string, o: DeployOptions): Promise<NodeSummary>;
  commissionMachine(systemId: string, o: CommissionOptions): Promise<NodeSummary>;
  testMachine(systemId: string, o: Pick<CommissionOptions, 'enableSsh' | 'testingScripts'>): Promise<NodeSummary>;
  /** abort, rescue_mode, exit_rescue_mode, lock, unlock, override_failed_testing: the machine as the server has it after. */
  machineOp(systemId: string, op: 'abort' | 'rescue_mode' | 'exit_rescue_mode' | 'lock' | 'unlock' | 'override_failed_testing', comment?: string): Promise<NodeSummary>;
  setPool(systemId: string, pool: string): Promise<NodeSummary>;
}

const BOOTLOADERS = /^(grub-efi-signed|grub-efi|grub-ieee1275|pxelinux|uefi)\//;
const flag = (v: boolean | undefined) => (v === undefined ? undefined : v ? '1' : '0');
const csv = (v: string[] | undefined) => (v && v.length ? v.join(',') : undefined);

export function machineActionCalls(t: MaasTransport, d: Dialect, toNode: (j: Json) => NodeSummary): MachineActionCalls {
  const enc = encodeURIComponent;
  const nodePath = (id: string) => `${d.collection}${enc(id)}/`;
  const post = async (path: string, op: string | undefined, form: FormParams = {}) => t.json({ method: 'POST', path, op, form, answer: 'node' }, machineShape);
  /** Some ops answer 204 (3.x override_failed_testing): the machine is read back then. */
  const opOnNode = async (id: string, op: string, form: FormParams = {}) =>
    toNode((await post(nodePath(id), op, form)) ?? (await t.one({ method: 'GET', path: nodePath(id), answer: 'node' }, machineShape)));
  // A list the server lacks or refuses is left out of its offer; a server that does not
  // answer at all has no offer (an empty one would pass for "nothing offered").
  const orNull = async <T>(f: () => Promise<T>): Promise<T | null> => {
    try { return await f(); } catch (e) { if (e instanceof MaasUnreachableError) throw e; return null; }
  };

  return {
    async serverOffer() {
      const v = await orNull(() => t.json({ method: 'GET', path: 'version/' }, versionShape));
      const version = v?.version ?? null;
      if (d.api === '1.0') return { apiVersion: d.api, version, machineOps: null, images: [], defaults: { osystem: null, distroSeries: null }, commissioningScripts: [], testingScripts: [], pools: [] };
      const [describe, resources, os, series, comm, tests, pools] = await Promise.all([
        orNull(() => t.read({ method: 'GET', path: 'describe/', answer: 'describe' }, 'machine-handlers', d.api)),
        orNull(() => t.read({ method: 'GET', path: 'boot-resources/', answer: 'list' }, 'boot-resources', d.api)),
        orNull(() => t.json({ method: 'GET', path: 'maas/', op: 'get_config', query: { name: 'default_osystem' } }, configValueShape)),
        orNull(() => t.json({ method: 'GET', path: 'maas/', op: 'get_config', query: { name: 'default_distro_series' } }, configValueShape)),
        orNull(() => t.read({ method: 'GET', path: 'scripts/', query: { type: 'commissioning' }, answer: 'list' }, 'scripts', d.api)),
        orNull(() => t.read({ method: 'GET', path: 'scripts/', query: { type: 'testing' }, answer: 'list' }, 'scripts', d.api)),
        orNull(() => t.read({ method: 'GET', path: 'resourcepools/', answer: 'list' }, 'pools', d.api)),
      ]);
      const handler = describe?.handlers?.find((h) => h.name === 'MachineHandler');
      const images = new Map<string, Map<string, Set<string>>>();
      for (const r of resources ?? []) {
        const name = r.name ?? ''; const arch = r.architecture ?? '';
        if (BOOTLOADERS.test(name) || !name.includes('/')) continue;
        const [osystem, release] = name.split('/');
        const kernel = arch.split('/')[1] ?? '';
        const releases = images.get(osystem) ?? new Map<string, Set<string>>();
        const kernels = releases.get(release) ?? new Set<string>();
        if (/^(ga|hwe)-/.test(kernel)) kernels.add(kernel);
        releases.set(release, kernels);
        images.set(osystem, releases);
      }
      const scripts = (l: { name?: string | null; tags?: string[] | null }[] | null) =>
        (l ?? []).map((s) => ({ name: s.name ?? '', tags: s.tags ?? [] })).filter((s) => s.name);
      return {
        apiVersion: d.api, version,
        machineOps: handler ? (handler.actions ?? []).map((a) => a.op).filter((op): op is string => typeof op === 'string') : null,
        images: [...images].map(([osystem, rel]) => ({ osystem, releases: [...rel].map(([series, k]) => ({ series, kernels: [...k].sort() })) })),
        defaults: { osystem: typeof os === 'string' ? os : null, distroSeries: typeof series === 'string' ? series : null },
        commissioningScripts: scripts(comm), testingScripts: scripts(tests),
        pools: (pools ?? []).map((p) => p.name ?? '').filter(Boolean),
      };
    },
    async allocateMachine(id, hostname) {
      return toNode(await t.one({ method: 'POST', path: d.collection, op: d.api === '2.0' ? 'allocate' : 'acquire',
        form: d.api === '2.0' ? { system_id: id } : { name: hostname }, answer: 'node' }, machineShape));
    },
    async deployMachine(id, o) {
      const series = o.distroSeries ? (o.osystem && o.osystem !== 'ubuntu' ? `${o.osystem}/${o.distroSeries}` : o.distroSeries) : undefined;
      if (d.api === '1.0') return opOnNode(id, 'start', { distro_series: series });
      return opOnNode(id, 'deploy', {
        distro_series: series, hwe_kernel: o.hweKernel || undefined, comment: o.comment || undefined,
        // MAAS takes user data base64-encoded.
        user_data: o.userData ? Buffer.from(o.userData, 'utf8').toString('base64') : undefined,
      });
    },
    commissionMachine: (id, o) => opOnNode(id, 'commission', {
      enable_ssh: flag(o.enableSsh), skip_networking: flag(o.skipNetworking), skip_storage: flag(o.skipStorage),
      commissioning_scripts: csv(o.commissioningScripts), testing_scripts: csv(o.testingScripts),
    }),
    testMachine: (id, o) => opOnNode(id, 'test', { enable_ssh: flag(o.enableSsh), testing_scripts: csv(o.testingScripts) }),
    machineOp: (id, op, comment) => opOnNode(id, d.api === '1.0' && op === 'abort' ? 'abort_operation' : op, comment && d.takesComment ? { comment } : {}),
    async setPool(id, pool) { return toNode(await t.one({ method: 'PUT', path: nodePath(id), form: { pool }, answer: 'node' }, machineShape)); },
  };
}
