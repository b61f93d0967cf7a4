// One machine's part of a bulk MAAS 2.x/3.x machine action (src-shared/maas/machine-actions.ts),
// each ending with the machine as the server then has it. Deploy allocates a Ready machine
// first (MAAS 3.x would, older 2.x refuse a machine not allocated; on API 1.0 it is acquire
// then start). Power cycle waits for the BMC to report off before powering on, checking at
// MAAS's own intervals (DEFAULT_WAITING_POLICY: 1, 2, 2, 4, 6, 8, 12 s).
import type { NodeSummary } from '../../../src-shared/contract/maas-types';
import type { BulkAction, BulkParams } from '../../../src-shared/inventory/bulk-actions';
import { NodeStatus } from '../../../src-shared/maas/node-status';
import type { InventoryClient } from './inventory-client';

export type MachineStep = (cl: InventoryClient, id: string, p: BulkParams, known: NodeSummary | undefined) => Promise<NodeSummary>;

const WAITS_S = [1, 2, 2, 4, 6, 8, 12];
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function powerCycle(cl: InventoryClient, id: string, wait: (ms: number) => Promise<void> = sleep): Promise<NodeSummary> {
  await cl.stopNode(id);
  let state = await cl.queryPowerState(id);
  for (const s of WAITS_S) {
    if (state === 'off') break;
    await wait(s * 1000);
    state = await cl.queryPowerState(id);
  }
  if (state !== 'off') throw new Error(`powered off, but the BMC still says "${state}" after ${WAITS_S.reduce((a, b) => a + b, 0)} s: not powered on again`);
  return cl.startNode(id);
}

export const machineSteps: Partial<Record<BulkAction, MachineStep>> = {
  async deploy(cl, id, p, known) {
    if (known?.status === NodeStatus.READY) await cl.allocateMachine(id, known.hostname);
    return cl.deployMachine(id, { osystem: p.osystem, distroSeries: p.distroSeries, hweKernel: p.hweKernel, userData: p.userData, comment: p.comment });
  },
  commission: (cl, id, p) => cl.commissionMachine(id, {
    enableSsh: p.enableSsh, skipNetworking: p.skipNetworking, skipStorage: p.skipStorage,
    commissioningScripts: p.commissioningScripts, testingScripts: p.testingScripts,
  }),
  test: (cl, id, p) => cl.testMachine(id, { enableSsh: p.enableSsh, testingScripts: p.testingScripts }),
  abort: (cl, id, p) => cl.machineOp(id, 'abort', p.comment),
  rescueMode: (cl, id) => cl.machineOp(id, 'rescue_mode'),
  exitRescueMode: (cl, id) => cl.machineOp(id, 'exit_rescue_mode'),
  lock: (cl, id, p) => cl.machineOp(id, 'lock', p.comment),
  unlock: (cl, id, p) => cl.machineOp(id, 'unlock', p.comment),
  overrideFailedTesting: (cl, id, p) => cl.machineOp(id, 'override_failed_testing', p.comment),
  setPool: (cl, id, p) => cl.setPool(id, p.pool!),
  powerCycle: (cl, id) => powerCycle(cl, id),
};
