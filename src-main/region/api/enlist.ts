// nodes op=new: enlistment. Anonymous and non-admin enlistments stay New for an admin to
// accept; an admin's enlistment is accepted at once (MAAS 1.8 NodesHandler.create →
// accept_enlistment), which starts commissioning.
import { NodeStatus as S, normaliseMac, type Api1Node } from '../../../src-shared/maas/index';
import { badRequest } from '../http/errors';
import type { Ctx } from '../http/context';
import { clip } from '../http/params';
import type { RegionCore } from '../region-core';
import { fieldError } from './form';
import { DEFAULT_ZONE_ID } from '../stores/zones-store';
import { generateHostname } from '../stores/nodes-store';
import { hostnameError } from './lookup';
import { nodesJson } from './node-json';
import { readPowerChange } from './power-params';

export function architectureOf(ctx: Ctx): string {
  const arch = ctx.params.get('architecture')?.trim();
  if (!arch) throw fieldError('architecture', 'This field is required.');
  const sub = ctx.params.get('subarchitecture')?.trim();
  const full = arch.includes('/') ? arch : `${arch}/${sub || 'generic'}`;
  if (!/^[a-z0-9_-]+\/[a-z0-9_.-]+$/i.test(full)) throw fieldError('architecture', `"${clip(full)}" is not a valid architecture.`);
  return full;
}

/**
 * `mac_addresses` as MAAS 1.8's NodeWithMACAddressesForm read it (maasserver/forms.py
 * __init__ and is_valid): only empty values are dropped ("" — a blank " " is a value, and
 * not a MAC); one bad MAC gets the MAC field's message, several the unified one.
 */
export function enlistMacs(ctx: Ctx): string[] {
  const given = ctx.params.all('mac_addresses').filter((v) => v !== '');
  const macs = given.map((m) => normaliseMac(m.trim()));
  if (macs.some((m) => m === null)) {
    throw fieldError('mac_addresses', given.length > 1 ? 'One or more MAC Addresses is invalid.' : 'Enter a valid MAC address (e.g. AA:BB:CC:DD:EE:FF).');
  }
  return macs as string[];
}

/** Checks MACs are new; `hostname` likewise. Throws 400 naming what was wrong. */
export function checkNewIdentity(core: RegionCore, ctx: Ctx, required: boolean): { macs: string[]; hostname: string } {
  const macs = enlistMacs(ctx);
  if (required && !macs.length) throw fieldError('mac_addresses', 'This field is required.');
  if (new Set(macs).size !== macs.length) throw fieldError('mac_addresses', 'the same MAC address is given twice.');
  for (const m of macs) {
    const owner = core.nodes.nodeOfMac(m);
    if (owner !== undefined) throw fieldError('mac_addresses', `Mac address ${m} already in use on ${core.nodes.byId(owner)!.hostname}.`);
  }
  let hostname = ctx.params.get('hostname')?.trim() ?? '';
  if (hostname) {
    const e = hostnameError(hostname);
    if (e) throw e;
    if (core.nodes.hostnameTaken(hostname)) throw fieldError('hostname', `Node with this Hostname already exists.`);
  } else {
    do hostname = generateHostname(); while (core.nodes.hostnameTaken(hostname));
  }
  return { macs, hostname };
}

/** One enlistment; concurrent ones share a commit (core.group), answered once it is durable. */
export async function enlistNode(core: RegionCore, ctx: Ctx): Promise<Api1Node> {
  const architecture = architectureOf(ctx);
  const power = readPowerChange(ctx.params, core.power.types, '');
  const nodegroup = ctx.params.get('nodegroup');
  if (nodegroup && nodegroup !== core.nodegroupUuid && nodegroup !== 'master') {
    throw fieldError('nodegroup', `no cluster "${clip(nodegroup)}"; this region has one, ${core.nodegroupUuid}.`);
  }
  // The answer is built inside the shared transaction: it is the node as committed, and its
  // reads need no read transaction (and file locks) of their own.
  return core.group.run(() => {
    const { macs, hostname } = checkNewIdentity(core, ctx, true);
    let n = core.nodes.insert({ hostname, installable: true, status: S.NEW, zoneId: DEFAULT_ZONE_ID, architecture, powerType: power.type ?? '' });
    for (const m of macs) core.nodes.addMac(n.id, m);
    if (power.type && Object.keys(power.params).length) core.nodes.setPowerParams(n.id, power.params);
    if (ctx.user?.isSuperuser) n = core.startCommissioning(n);
    return nodesJson(core.db, [n])[0];
  });
}
