// Apply (or resume) a push from its journal. Each node is re-matched by MAC against the
// target as it is now, so a node whose create reached the server before the connection broke
// is found there and not created again; every step of a node is journalled before its next.
// A few nodes go at once; a target that stops answering interrupts the push (state kept)
// once the nodes in flight have settled; applying again resumes.
import type { PushItemOutcome, PushProgress, PushReport } from '../../../src-shared/contract/fieldkit';
import type { NodeSummary } from '../../../src-shared/contract/maas-types';
import { ConsoleFailure } from '../../../src-shared/contract/errors';
import { classify, indexTarget, type DiffNode, type TargetIndex } from '../../../src-shared/fieldkit/push-diff';
import type { MaasClient } from '../../maas-client/index';
import { failedStatus } from '../maas-failure';
import { uniqueMacs } from '../../../src-shared/maas/mac';
import { describePowerParameterErrors, validatePowerParameters } from '../../../src-shared/maas/power-params/index';
import { eachLimited } from '../inventory/limits';
import type { PushJournal } from './push-journal';
import { toDiff } from './push-plan';
import { attachPower, type PowerValues } from './push-power';
import { hasDetails, LSHW_FIELD, lshwChange, sendDetails } from './push-details';

export interface RunDeps {
  local: () => Promise<MaasClient>;
  clientFor: (id: string) => Promise<MaasClient>;
  journal: PushJournal;
  progress: (p: PushProgress) => void;
  /**
   * Drops the console's kept details of target nodes whose lshw the push wrote (or that it
   * created), so every view fetches them afresh rather than showing the lshw from before.
   */
  evictDetails: (connectionId: string, systemIds: string[]) => void;
  now?: () => Date;
  /** Nodes at once; PUSH_CONCURRENCY unless a bench compares. */
  concurrency?: number;
}

/**
 * Nodes pushed at once. A node is a short chain of dependent calls (enlist, zone, tags,
 * details), so a few in flight hide the round trips; more would only queue on the target,
 * whose API is served by a handful of processes (MAAS runs 4 regiond workers by default).
 * The journal is per node, so this does not weaken resume.
 */
export const PUSH_CONCURRENCY = 6;

const cutOff = (e: unknown) => e instanceof ConsoleFailure && (e.code === 'unreachable' || e.code === 'unavailable');
const running = new Set<string>();

interface Ctx {
  local: MaasClient; target: MaasClient; index: TargetIndex; power: PowerValues;
  save: (i: PushItemOutcome) => void; evict: (targetId: string) => void;
}

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
    const todo = plan.items.filter((i) => i.state === 'pending' || i.state === 'created');
    const diffs = new Map(todo.flatMap((i) => { const s = source.get(i.sourceId); return s ? [[i.sourceId, toDiff(s)] as const] : []; }));
    const power = await attachPower(local, target, [...diffs.values()], index, { enlisting: true });
    const ctx: Ctx = { local, target, index, power, save: (i) => d.journal.setItem(pushId, i), evict: (id) => d.evictDetails(plan.targetId, [id]) };
    let stop: unknown = null;
    await eachLimited(todo, d.concurrency ?? PUSH_CONCURRENCY, async (item) => {
      try {
        const s = source.get(item.sourceId);
        if (!s) Object.assign(item, { state: 'failed', message: 'no longer on This laptop' });
        else await pushOne(ctx, s, diffs.get(item.sourceId)!, item);
        d.journal.setItem(pushId, item);
        done++;
        emit(item, 'running');
      } catch (e) {
        stop ??= e; // the nodes in flight finish (or are cut off) and are journalled; no new ones start
      }
    }, () => stop !== null);
    if (stop !== null) throw stop;
    d.journal.setState(pushId, 'finished', { finishedAt: now() });
  } catch (e) {
    if (!cutOff(e)) { d.journal.setState(pushId, 'interrupted', { stopReason: (e as Error).message }); throw e; }
    // The technician's words, not the transport's ("other side closed (UND_ERR_SOCKET)").
    d.journal.setState(pushId, 'interrupted', { stopReason: `${plan.targetName} stopped answering at node ${Math.min(done + 1, total)} of ${total}; Resume carries on from there` });
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

/** Puts `n` in the index under its MACs and hostname (or takes it out). */
function place(index: TargetIndex, n: DiffNode, present: boolean): void {
  const keys: [Map<string, DiffNode>, string][] = [...n.macAddresses.map((m) => [index.byMac, m.toLowerCase()] as [Map<string, DiffNode>, string]),
    [index.byHostname, n.hostname.toLowerCase()]];
  for (const [map, k] of keys) {
    if (present) map.set(k, n);
    else if (map.get(k) === n) map.delete(k);
  }
}

/** One node: match or create, then hostname, power, zone, tags and details. */
async function pushOne(c: Ctx, s: NodeSummary, diff: DiffNode, item: PushItemOutcome): Promise<void> {
  const notes: string[] = [];
  const params = c.power.get(s.systemId) ?? {};
  // Values kept by an older version that no longer pass the power-parameter check are not
  // carried to another server, where a power driver would run them.
  const checked = validatePowerParameters(s.powerType, params, { allowUnknown: true });
  if (!checked.ok) {
    Object.assign(item, { state: 'failed', message: `power parameters refused: ${describePowerParameterErrors(checked.errors)}`.slice(0, 500) });
    return;
  }
  try {
    if (item.state === 'pending') {
      const now = classify(diff, c.index);
      // The target may have changed since the dry-run: a node whose create reached it just
      // before a cut is matched by its MACs now, and updated rather than created twice.
      // The lshw row of the dry-run is checked again against the target as it is now.
      if (now.targetId && (now.verdict === 'update' || now.verdict === 'identical') && hasDetails(s)) {
        const change = await lshwChange(c.local, c.target, s.systemId, now.targetId);
        if (change) { now.fields.push(change); now.verdict = 'update'; }
      }
      if (now.verdict !== item.verdict) notes.push(`was "${item.verdict}" in the dry-run, now "${now.verdict}": ${now.verdict === 'conflict' ? 'the target changed' : 'it is already on the target (matched by MAC)'}`);
      Object.assign(item, { verdict: now.verdict, targetId: now.targetId, fields: now.fields, reason: now.reason });
      if (now.verdict === 'conflict') { Object.assign(item, { state: 'conflict', message: [...notes, now.reason].join('; ') }); return; }
      if (now.verdict === 'create') {
        // Held in the index while the create is in flight, so a node pushed alongside with the
        // same hostname is a conflict here, not a failed create there.
        const pending: DiffNode = { ...diff, systemId: `${s.hostname} (being created by this push)` };
        place(c.index, pending, true);
        let made: NodeSummary;
        try {
          made = await c.target.createNode({ hostname: s.hostname, architecture: s.architecture, macAddresses: uniqueMacs(s.macAddresses),
            powerType: s.powerType || undefined, powerParameters: params });
        } finally {
          place(c.index, pending, false);
        }
        item.targetId = made.systemId;
        c.evict(made.systemId);
        place(c.index, toDiff(made), true);
        notes.push('created');
      }
      item.state = 'created';
      c.save(item);
    }
    const id = item.targetId!;
    const update = updateOf(item, params);
    if (Object.keys(update.form).length) { await c.target.updateNode(id, update.form); notes.push(`updated ${update.names.join(', ')}`); }
    if (s.zone && s.zone !== 'default' && (item.verdict === 'create' || item.fields.some((f) => f.field === 'zone' && !f.power))) {
      await c.target.setZone([id], s.zone); notes.push(`zone ${s.zone}`);
    }
    for (const t of s.tags) if (item.verdict === 'create' || item.fields.some((f) => f.field === 'tags' && !f.power)) await c.target.updateTagNodes(t, { add: [id] });
    if ((item.verdict === 'create' && hasDetails(s)) || item.fields.some((f) => f.field === LSHW_FIELD)) {
      // Evicted whether or not the send got through: a cut mid-call may still have written them.
      try { notes.push(await sendDetails(c.local, c.target, s.systemId, id)); } finally { c.evict(id); }
    }
    Object.assign(item, { state: 'done', message: notes.join('; ') || (item.verdict === 'identical' ? 'already there, identical' : 'up to date') });
  } catch (e) {
    if (cutOff(e)) throw e;
    Object.assign(item, { state: 'failed', message: (e as Error).message.slice(0, 500) });
  }
}

/**
 * The PUT for an update: hostname; a new power type with all the captured parameters; changed
 * parameters (power_parameters_{name}, which MAAS merges into what it keeps). The names say
 * what was updated, never a value.
 */
function updateOf(item: PushItemOutcome, params: Record<string, string>): { form: Record<string, string>; names: string[] } {
  const form: Record<string, string> = {};
  const names: string[] = [];
  for (const f of item.fields) {
    if (f.power) {
      if (params[f.field] === undefined) continue;
      form[`power_parameters_${f.field}`] = params[f.field];
      names.push(f.field);
    } else if (f.field === 'hostname') {
      form.hostname = f.to; names.push('hostname');
    } else if (f.field === 'power_type') {
      form.power_type = f.to; names.push('power_type');
      for (const [k, v] of Object.entries(params)) form[`power_parameters_${k}`] = v;
    }
  }
  return { form, names };
}
