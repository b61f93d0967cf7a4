// The hardware details (lshw, lldp) a push carries: sent with a node it creates, and with a
// node already on the target when the captured lshw differs from the target's (the dry-run
// shows it as an "lshw" field). Our region takes details (op=set_details); a real MAAS
// gathers them itself when it commissions, and says so with a 400 or 404.
import type { FieldChange, PushItemPlan } from '../../../src-shared/contract/fieldkit';
import type { NodeSummary } from '../../../src-shared/contract/maas-types';
import type { MaasClient } from '../../maas-client/index';
import { failedStatus } from '../maas-failure';
import { eachLimited } from '../inventory/limits';

export const LSHW_FIELD = 'lshw';

/** A captured node carries details once an lshw was attached (the region fills CPU and memory from it). */
export const hasDetails = (n: Pick<NodeSummary, 'cpuCount' | 'memory'>) => n.cpuCount > 0 || n.memory > 0;

const kb = (s: string) => `${Math.max(1, Math.round(Buffer.byteLength(s, 'utf8') / 1024))} kB`;

/**
 * The lshw row of the diff when the captured lshw is not the target's, else null. Only a
 * target that takes details (API 1.0: op=set_details) gets one; MAAS 2.x/3.x has no such call
 * and gathers the lshw itself when it commissions, so there the row would never go away.
 */
export async function lshwChange(local: MaasClient, target: MaasClient, sourceId: string, targetId: string): Promise<FieldChange | null> {
  if (target.apiVersion !== '1.0') return null;
  const mine = (await local.details(sourceId)).lshw;
  if (!mine) return null;
  const theirs = (await target.details(targetId)).lshw ?? null;
  if (theirs !== null && theirs.trim() === mine.trim()) return null;
  return { field: LSHW_FIELD, from: theirs ? `another (${kb(theirs)})` : '', to: `the one captured (${kb(mine)})` };
}

/** Adds the lshw row to matched plans whose captured details differ; such a node is then an update. */
export async function diffDetails(local: MaasClient, target: MaasClient, plans: PushItemPlan[], source: ReadonlyMap<string, NodeSummary>): Promise<void> {
  const matched = plans.filter((p) => (p.verdict === 'update' || p.verdict === 'identical') && p.targetId && hasDetails(source.get(p.sourceId)!));
  await eachLimited(matched, 4, async (p) => {
    const change = await lshwChange(local, target, p.sourceId, p.targetId!);
    if (change) { p.fields.push(change); p.verdict = 'update'; }
  });
}

export async function sendDetails(local: MaasClient, target: MaasClient, from: string, to: string): Promise<string> {
  const det = await local.details(from);
  if (!det.lshw && !det.lldp) return 'no details to send';
  try {
    await target.setDetails(to, { lshw: det.lshw ?? undefined, lldp: det.lldp ?? undefined });
    return 'details sent';
  } catch (e) {
    if (failedStatus(e) === 400 || failedStatus(e) === 404) return 'details not taken by the target (MAAS gathers them when it commissions)';
    throw e;
  }
}
