// Which bulk actions a server offers, read from what it says of itself (its API description
// and `version/`): the Take action menu lists these, and says of the others why not.
// API 1.0 servers (MAAS 1.x, the embedded region) keep their own set: deploy there is
// acquire + start with a distro series, abort is `abort_operation`.
import type { ServerOffer } from '../maas/maas-types';
import { machineActionRules, releaseAtLeast, type MachineAction } from '../maas/machine-actions';
import type { BulkAction } from './bulk-actions';

const machine = new Set<string>(Object.keys(machineActionRules));
const API1_OWN = new Set<BulkAction>(['deploy', 'abort']);

export interface ActionOffer { offered: boolean; why: string | null }

export function actionOffer(action: BulkAction, o: Pick<ServerOffer, 'apiVersion' | 'version' | 'machineOps' | 'pools'>): ActionOffer {
  if (!machine.has(action)) return { offered: true, why: null };
  if (o.apiVersion === '1.0') {
    return API1_OWN.has(action) ? { offered: true, why: null } : { offered: false, why: 'MAAS 1.x (API 1.0) has no such action' };
  }
  const rule = machineActionRules[action as MachineAction];
  const named = o.version ? `this server is MAAS ${o.version}` : 'this server does not say its release';
  const tooOld = { offered: false, why: `needs MAAS ${rule.since} or later; ${named}` };
  if (action === 'setPool') return o.pools.length || releaseAtLeast(o.version, rule.since) && o.machineOps === null ? { offered: true, why: null } : tooOld;
  if (o.machineOps !== null) {
    const ops = action === 'powerCycle' ? ['power_off', 'power_on'] : [rule.op];
    return ops.every((op) => o.machineOps!.includes(op)) ? { offered: true, why: null } : tooOld;
  }
  return releaseAtLeast(o.version, rule.since) ? { offered: true, why: null } : tooOld;
}
