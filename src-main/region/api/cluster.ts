// What nodegroups/{uuid}/ serves beyond the first half of the API (MAAS 1.8 NodeGroupHandler): PUT (names
// and status), report_download_progress, probe_and_enlist_hardware (virsh and powerkvm
// here; the other models' drivers do not exist yet and say so), import_boot_images.
import { NodeStatus as S } from '../../../src-shared/maas/index';
import { RegionError, badRequest, notFound } from '../http/errors';
import { json, text, type Ctx, type OpTable } from '../http/context';
import { clip } from '../http/params';
import type { RegionCore } from '../region-core';
import { nowIso } from '../db/open';
import { DEFAULT_ZONE_ID } from '../stores/zones-store';
import { generateHostname } from '../stores/nodes-store';
import { probeVirsh, ProbeError } from '../probe/virsh-probe';
import { describePowerParameterErrors, validatePowerParameters } from '../../../src-shared/maas/power-params/index';
import { requireAdmin } from './access';
import { cannotImport, uploadedResources } from './boot-resources';
import { field, fieldError, formErrors, requiredField } from './form';
import { hostnameProblem } from './lookup';

const ACCEPTED = 1; // NODEGROUP_STATUS.ACCEPTED

/** The one local cluster, as nodegroups/ and nodegroups/{uuid}/ show it. */
export function nodegroupJson(core: RegionCore) {
  return {
    uuid: core.nodegroupUuid, status: ACCEPTED,
    name: (core.config.get('region:nodegroup_name') as string | undefined) ?? 'master',
    cluster_name: (core.config.get('region:nodegroup_cluster_name') as string | undefined) ?? 'Cluster master',
  };
}

/** Hardware models of probe_and_enlist_hardware (spec), and what this region does with them. */
const MODELS = ['seamicro15k', 'virsh', 'vmware', 'powerkvm', 'mscm', 'msftocs', 'ucsm'];
const VIRSH_MODELS = new Set(['virsh', 'powerkvm']);

export const notSupported = (model: string) =>
  badRequest(`Probing ${model} hardware is not supported by this embedded region: its driver does not exist yet. ` +
    'Supported here: virsh and powerkvm (model=virsh power_address=<libvirt URI>). Enlist other machines with nodes op=new.');

export function clusterOps(core: RegionCore): OpTable {
  const admin = (ctx: Ctx, what: string) => {
    requireAdmin(ctx, what);
    if (ctx.args[0] !== core.nodegroupUuid) throw notFound(`Nodegroup ${clip(ctx.args[0])}`);
  };
  return {
    PUT: (ctx) => {
      admin(ctx, 'Changing the cluster');
      const name = field(ctx.params, 'name', 255);
      if (name) {
        const p = hostnameProblem(name);
        if (p) throw fieldError('name', p.replace(/^hostname: /, ''));
      }
      const clusterName = field(ctx.params, 'cluster_name', 100);
      if (clusterName === '') throw fieldError('cluster_name', 'This field cannot be blank.');
      const status = ctx.params.int('status');
      if (status !== undefined && status !== ACCEPTED) {
        throw fieldError('status', `this region's only cluster stays accepted (${ACCEPTED}); it cannot be made pending (0) or rejected (2).`);
      }
      core.tx(() => {
        if (name !== undefined) core.config.set('region:nodegroup_name', name);
        if (clusterName !== undefined) core.config.set('region:nodegroup_cluster_name', clusterName);
      });
      return json(nodegroupJson(core));
    },
    'POST report_download_progress': (ctx) => {
      admin(ctx, 'Reporting download progress');
      const filename = requiredField(ctx.params, 'filename', 1000);
      const size = ctx.params.int('size', { min: 0 });
      const bytes = ctx.params.int('bytes_downloaded', { min: 0 });
      const error = field(ctx.params, 'error', 2000) ?? '';
      core.tx(() => reportProgress(core, filename, size, bytes, error));
      return text('');
    },
    'POST import_boot_images': (ctx) => {
      admin(ctx, 'Importing boot images');
      throw cannotImport(uploadedResources(core));
    },
    'POST probe_and_enlist_hardware': async (ctx) => {
      admin(ctx, 'Probing and enlisting hardware');
      const model = requiredField(ctx.params, 'model', 50);
      if (!MODELS.includes(model)) throw fieldError('model', `"${clip(model)}" is not a hardware model (${MODELS.join(', ')}).`);
      if (!VIRSH_MODELS.has(model)) throw notSupported(model);
      return json(await enlistVirsh(core, ctx, model));
    },
    'POST probe_and_enlist_ucsm': (ctx) => {
      admin(ctx, 'Probing and enlisting hardware');
      throw notSupported('ucsm');
    },
    'POST probe_and_enlist_mscm': (ctx) => {
      admin(ctx, 'Probing and enlisting hardware');
      throw notSupported('mscm');
    },
  };
}

/** MAAS DownloadProgressForm: a report without bytes starts a download; later ones update it. */
function reportProgress(core: RegionCore, filename: string, size: number | undefined, bytes: number | undefined, error: string): void {
  const latest = core.db.prepare(`SELECT id, size, bytes_downloaded FROM download_progress WHERE filename = ?
    ORDER BY id DESC LIMIT 1`).get(filename) as { id: number; size: number | null; bytes_downloaded: number | null } | undefined;
  const now = nowIso();
  if (bytes === undefined) {
    core.db.prepare(`INSERT INTO download_progress (filename, size, bytes_downloaded, error, created, updated)
      VALUES (?, ?, NULL, ?, ?, ?)`).run(filename, size ?? null, error, now, now);
    return;
  }
  if (!latest) throw notFound(`Download of ${clip(filename)} (report it once without bytes_downloaded first)`);
  if (size !== undefined && latest.size !== null && size !== latest.size) throw fieldError('size', 'Stated download size has changed.');
  const known = size ?? latest.size;
  if (known !== null && bytes > known) throw fieldError('bytes_downloaded', 'Saw more bytes downloaded than the stated download size.');
  core.db.prepare('UPDATE download_progress SET size = ?, bytes_downloaded = ?, error = ?, updated = ? WHERE id = ?')
    .run(known, bytes, error, now, latest.id);
}

async function enlistVirsh(core: RegionCore, ctx: Ctx, model: string) {
  const given = { power_address: requiredField(ctx.params, 'power_address', 2000), power_pass: ctx.params.get('power_pass') ?? '' };
  const checked = validatePowerParameters('virsh', given);
  if (!checked.ok) throw formErrors(checked.errors);
  const { power_address: uri, power_pass: password } = checked.params;
  const prefix = field(ctx.params, 'prefix_filter', 255) ?? '';
  const acceptAll = ctx.params.bool('accept_all') ?? false;
  let domains;
  try {
    domains = await probeVirsh({ uri, password, prefix });
  } catch (e) {
    if (!(e instanceof ProbeError)) throw e;
    if (e.kind === 'bad-parameters') throw fieldError('power_address', e.message);
    // The hypervisor cannot be reached, or virsh is not installed: nothing was enlisted.
    throw new RegionError('unavailable', e.message);
  }
  return core.tx(() => {
    const enlisted: string[] = [];
    const skipped: { name: string; reason: string }[] = [];
    for (const d of domains) {
      const known = d.macs.find((m) => core.nodes.nodeOfMac(m) !== undefined);
      if (!d.macs.length || known) {
        skipped.push({ name: d.name, reason: known ? `MAC address ${known} is already enlisted` : 'the domain has no network interface' });
        continue;
      }
      // The hypervisor names its domains: a name that could not be stored as a power_id is not enlisted.
      const idCheck = validatePowerParameters('virsh', { power_id: d.name });
      if (!idCheck.ok) {
        skipped.push({ name: d.name.slice(0, 100), reason: describePowerParameterErrors(idCheck.errors) });
        continue;
      }
      // MAAS 1.8 generated a hostname; the domain name is kept when it is a free, valid one.
      let hostname = d.name;
      if (hostnameProblem(hostname) || core.nodes.byHostname(hostname)) do hostname = generateHostname(); while (core.nodes.byHostname(hostname));
      const architecture = model === 'powerkvm' ? 'ppc64el/generic' : d.architecture;
      let n = core.nodes.insert({ hostname, installable: true, status: S.NEW, zoneId: DEFAULT_ZONE_ID, architecture, powerType: 'virsh' });
      for (const m of d.macs) core.nodes.addMac(n.id, m);
      core.nodes.setPowerParams(n.id, { power_address: uri, power_id: d.name, ...(password ? { power_pass: password } : {}) });
      core.events.record(n.id, 'NODE_CHANGED_STATUS', `Enlisted from ${model} domain ${d.name}`);
      if (acceptAll) n = core.startCommissioning(n);
      enlisted.push(n.system_id);
    }
    return { enlisted, skipped };
  });
}
