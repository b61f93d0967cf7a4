// Apply (or resume) a push from its journal. Each node is re-matched by MAC against the
// target as it is now, so a node whose create reached the server before the connection broke
// is found there and not created again; every step is journalled before the next begins.
// A target that stops answering interrupts the push (state kept); applying again resumes.
import type { PushItemOutcome, PushProgress, PushReport } from '../../../src-shared/contract/fieldkit';
import type { NodeSummary } from '../../../src-shared/contract/maas-types';
import { ConsoleFailure } from '../../../src-shared/contract/errors';
import { classify, indexTarget } from '../../../src-shared/fieldkit/push-diff';
import { MaasCallError, type MaasClient } from '../../maas-client/index';
import type { PushJournal } from './push-journal';
import { toDiff } from './push-plan';

export interface RunDeps {
  local: () => Promise<MaasClient>;
  clientFor: (id: string) => Promise<MaasClient>;
  journal: PushJournal;
  progress: (p: PushProgress) => void;
  now?: () => Date;
}

const cutOff = (e: unknown) => e instanceof ConsoleFailure && (e.code === 'unreachable' || e.code === 'unavailable');
const running = new Set<string>();

export async function applyPush(d: RunDeps, pushId: string): Promise<PushReport> {
  const plan = d.journal.report(pushId);
  if (!plan) throw new ConsoleFailure('not-found', `There is no push ${pushId}.`);
  if (plan.state === 'finished') return plan;
  if (running.has(pushId)) throw new ConsoleFailure('conflict', 'This push is already running.');
  running.add(pushId);
  const now = () => (d.now?.() ?? new Date()).toISOString();
  const total = plan.items.length;
  let done = plan.items.filter((i) => i.state !== 'pending' && i.state !== 'created').length;
  const emit = (item: PushItemOutcome | null, state: PushReport['state']) => d.progress({ pushId, done, total, item, state });
  try {
    d.journal.setState(pushId, 'running');
    emit(null, 'running');
    const local = await d.local();
    const target = await d.clientFor(plan.targetId);
    const index = indexTarget((await target.listNodes()).map(toDiff));
    await createMissing(target, plan);
    const source = new Map((await local.listNodes()).map((n) => [n.systemId, n]));
    for (const item of plan.items) {
      if (item.state !== 'pending' && item.state !== 'created') continue;
      const s = source.get(item.sourceId);
      if (!s) Object.assign(item, { state: 'failed', message: 'no longer on This laptop' });
      else await pushOne(local, target, s, item, index, (i) => d.journal.setItem(pushId, i));
      d.journal.setItem(pushId, item);
      done++;
      emit(item, 'running');
    }
    d.journal.setState(pushId, 'finished', { finishedAt: now() });
  } catch (e) {
    if (!cutOff(e)) { d.journal.setState(pushId, 'interrupted', { stopReason: (e as Error).message }); throw e; }
    d.journal.setState(pushId, 'interrupted', { stopReason: (e as Error).message });
  } finally {
    running.delete(pushId);
  }
  const out = d.journal.report(pushId)!;
  emit(null, out.state);
  return out;
}

async function createMissing(target: MaasClient, plan: PushReport): Promise<void> {
  if (plan.zonesToCreate.length) {
    const have = new Set((await target.listZones()).map((z) => z.name));
    for (const z of plan.zonesToCreate) if (!have.has(z)) await target.createZone(z, 'Created by a field-kit push');
  }
  if (plan.tagsToCreate.length) {
    const have = new Set((await target.listTags()).map((t) => t.name));
    for (const t of plan.tagsToCreate) if (!have.has(t)) await target.createTag({ name: t, comment: 'Created by a field-kit push' });
  }
}

/** One node: match or create, then hostname, power type, zone, tags and details. */
async function pushOne(local: MaasClient, target: MaasClient, s: NodeSummary, item: PushItemOutcome,
  index: ReturnType<typeof indexTarget>, save: (i: PushItemOutcome) => void): Promise<void> {
  const notes: string[] = [];
  try {
    if (item.state === 'pending') {
      const now = classify(toDiff(s), index);
      Object.assign(item, { verdict: now.verdict, targetId: now.targetId, fields: now.fields, reason: now.reason });
      if (now.verdict === 'conflict') { Object.assign(item, { state: 'conflict', message: now.reason }); return; }
      if (now.verdict === 'create') {
        const params = await powerParamsOf(local, s.systemId);
        const made = await target.createNode({ hostname: s.hostname, architecture: s.architecture, macAddresses: s.macAddresses,
          powerType: s.powerType || undefined, powerParameters: params });
        item.targetId = made.systemId;
        for (const n of [toDiff(made)]) { for (const m of n.macAddresses) index.byMac.set(m, n); index.byHostname.set(n.hostname.toLowerCase(), n); }
        notes.push('created');
      }
      item.state = 'created';
      save(item);
    }
    const id = item.targetId!;
    const fields: Record<string, string> = {};
    for (const f of item.fields) {
      if (f.field === 'hostname') fields.hostname = f.to;
      if (f.field === 'power_type') {
        fields.power_type = f.to;
        for (const [k, v] of Object.entries(await powerParamsOf(local, s.systemId))) fields[`power_parameters_${k}`] = v;
      }
    }
    if (Object.keys(fields).length) { await target.updateNode(id, fields); notes.push(`updated ${Object.keys(fields).join(', ')}`); }
    if (s.zone && s.zone !== 'default' && (item.verdict === 'create' || item.fields.some((f) => f.field === 'zone'))) {
      await target.setZone([id], s.zone); notes.push(`zone ${s.zone}`);
    }
    for (const t of s.tags) if (item.verdict === 'create' || item.fields.some((f) => f.field === 'tags')) await target.updateTagNodes(t, { add: [id] });
    if (item.verdict === 'create' && (s.cpuCount > 0 || s.memory > 0)) notes.push(await sendDetails(local, target, s.systemId, id));
    Object.assign(item, { state: 'done', message: notes.join('; ') || (item.verdict === 'identical' ? 'already there, identical' : 'up to date') });
  } catch (e) {
    if (cutOff(e)) throw e;
    Object.assign(item, { state: 'failed', message: (e as Error).message.slice(0, 500) });
  }
}

/** The captured node's power parameters, BMC password included: sent to the target only. */
async function powerParamsOf(local: MaasClient, id: string): Promise<Record<string, string>> {
  return Object.fromEntries(Object.entries(await local.powerParameters(id))
    .filter(([, v]) => typeof v === 'string' && v !== '').map(([k, v]) => [k, v as string]));
}

/** Our region takes details (op=set_details); real MAAS collects them when it commissions. */
async function sendDetails(local: MaasClient, target: MaasClient, from: string, to: string): Promise<string> {
  const det = await local.details(from);
  if (!det.lshw && !det.lldp) return 'no details to send';
  try {
    await target.setDetails(to, { lshw: det.lshw ?? undefined, lldp: det.lldp ?? undefined });
    return 'details sent';
  } catch (e) {
    if (e instanceof MaasCallError && (e.status === 400 || e.status === 404)) return 'details not taken by the target (MAAS gathers them when it commissions)';
    throw e;
  }
}
