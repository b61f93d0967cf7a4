// Field kit figures (PERFORMANCE.md): the dry-run diff of 2,000 captured nodes against a
// target holding 10,000 (end to end through the console: both node lists read over HTTP from
// two embedded regions, matched by MAC, journal written), the diff alone, and a push of 500
// nodes end to end (enlist with power parameters, zone, journal after every step) in nodes/s,
// PUSH_CONCURRENCY nodes at a time, held against the same push one node at a time (as it was)
// in the same run: another 500 captured nodes, the use-case called with concurrency 1. Then
// "server back → review available": a change set of 100 nodes recorded while the target is
// stopped, the target started again, and the time until its review is there without a click
// (the quick re-check of a server with changes waiting, then the review on its return).
import { performance } from 'node:perf_hooks';
import { diffPush } from '../../src-shared/fieldkit/push-diff';
import { planPush, toDiff } from '../../src-main/console/fieldkit/push-plan';
import { PushJournal } from '../../src-main/console/fieldkit/push-journal';
import { applyPush, PUSH_CONCURRENCY } from '../../src-main/console/fieldkit/push-run';
import { openSettingsDb } from '../../src-main/connections/settings-db';
import { RECHECK_EVERY_MS } from '../../src-main/console/fieldkit/change-set-service';
import { startDatacenter, startFieldkitConsole, type Datacenter, type FieldkitConsole } from '../support/fieldkit-console';
import { seedNodes } from '../support/inventory-seed';
import type { Bench, Figure } from './types';

/** From the server answering again to its change set's review being there, `runs` times. */
async function serverBackToReview(fk: FieldkitConsole, dc: Datacenter, id: string, systemIds: string[], runs = 3): Promise<number[]> {
  const out: number[] = [];
  await dc.stop();
  await fk.composed.connections.health(id);
  await fk.call('changes.record', { connectionId: id, changes: systemIds.map((systemId) => ({ kind: 'set-zone' as const, systemId, zone: 'zone-1' })) });
  for (let i = 0; i < runs; i++) {
    let reviewedAt = 0;
    let t0 = 0;
    let t0wall = Infinity;
    const seen = new Promise<void>((resolve) => fk.on('changes.changed', (c) => {
      if (c.connectionId !== id || reviewedAt) return;
      void fk.call('changes.list', { connectionId: id }).then((v) => { if (v.review?.auto && Date.parse(v.review.at) >= t0wall) { reviewedAt = performance.now(); resolve(); } });
    }));
    await dc.start();
    t0 = performance.now();
    t0wall = Date.now() - 1; // the review's own clock is milliseconds
    await seen;
    out.push(reviewedAt - t0);
    if (i < runs - 1) { await dc.stop(); await fk.composed.connections.health(id); }
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export const fieldkitBench: Bench = {
  id: 'fieldkit',
  browser: true,
  async run(): Promise<Figure[]> {
    let laptopMacs: string[] = [];
    let laptopIds: string[] = [];
    const fk = await startFieldkitConsole({
      seedLaptop: (core) => {
        const s = seedNodes(core, { count: 2000, idPrefix: 'cap', zones: 4, hostnameOf: (i) => `cap-${i}` });
        laptopMacs = s.macs; laptopIds = s.systemIds;
      },
    });
    const dc = await startDatacenter();
    try {
      const core = dc.region().core;
      seedNodes(core, { count: 10_000, idPrefix: 'dc', zones: 20 });
      // 500 of the captured nodes are already in the datacenter (same MAC): identical or update.
      core.tx(() => laptopMacs.slice(0, 500).forEach((mac, i) => {
        const n = core.nodes.insert({ hostname: `cap-${i}`, installable: true, status: 4, zoneId: 1, architecture: 'amd64/generic', powerType: 'ipmi' });
        core.nodes.addMac(n.id, mac);
      }));
      const targetId = (await fk.composed.connections.add({ name: 'datacenter', url: dc.url, apiKey: dc.apiKey })).id;
      const local = await fk.composed.connections.clientFor('local');
      const target = await fk.composed.connections.clientFor(targetId);

      await fk.call('fieldkit.pushPlan', { targetId }); // warm-up
      const plans: number[] = [];
      let counts = '';
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        const p = await fk.call('fieldkit.pushPlan', { targetId });
        plans.push(performance.now() - t0);
        counts = `${p.counts.create} create, ${p.counts.update} update, ${p.counts.identical} identical, ${p.counts.conflict} conflict`;
      }
      const [src, dst] = await Promise.all([local.listNodes(), target.listNodes()]);
      const pure: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        diffPush(src.map(toDiff), dst.map(toDiff));
        pure.push(performance.now() - t0);
      }

      // The reference: the same use-case over its own journal (same settings db), one node at a time.
      const db = openSettingsDb(fk.dataDir);
      const journal = new PushJournal(db);
      const deps = { local: () => Promise.resolve(local), clientFor: () => Promise.resolve(target), nameOf: () => 'datacenter', localId: 'local', journal };
      const refPlan = await planPush(deps, { targetId, systemIds: laptopIds.slice(1000, 1500) });
      const r0 = performance.now();
      const ref = await applyPush({ ...deps, progress: () => undefined, evictDetails: () => undefined, concurrency: 1 }, refPlan.pushId);
      const refSecs = (performance.now() - r0) / 1000;
      db.close();
      if (ref.counts.done !== 500) throw new Error(`reference push of 500 finished ${ref.counts.done} (${ref.state}, ${ref.stopReason ?? ''})`);

      const batch = laptopIds.slice(500, 1000);
      const plan = await fk.call('fieldkit.pushPlan', { targetId, systemIds: batch });
      const t0 = performance.now();
      const done = await fk.call('fieldkit.pushApply', { pushId: plan.pushId });
      const secs = (performance.now() - t0) / 1000;
      if (done.counts.done !== 500) throw new Error(`push of 500 finished ${done.counts.done} (${done.state}, ${done.stopReason ?? ''})`);

      const back = await serverBackToReview(fk, dc, targetId, dst.slice(0, 100).map((n) => n.systemId));
      return [
        { name: 'dry-run diff, 2,000 captured vs 10,500 on the target (console end to end, median of 3)', value: Math.round(median(plans)), unit: 'ms',
          target: '< 1 s', notes: `${counts}; both lists read over HTTP from two embedded regions, plan journalled` },
        { name: 'diff alone (match by MAC and hostname), 2,000 vs 10,500, median of 5', value: Math.round(median(pure) * 10) / 10, unit: 'ms' },
        { name: `push of 500 nodes end to end (enlist with IPMI parameters, zone, journal per step), ${PUSH_CONCURRENCY} at a time`,
          value: Math.round(500 / secs), unit: 'nodes/s',
          reference: { name: 'the same push one node at a time (as before)', value: Math.round(500 / refSecs), unit: 'nodes/s' },
          notes: `${secs.toFixed(1)} s including a fresh read of the target's nodes; reference: another 500, one node at a time, ${refSecs.toFixed(1)} s` },
        { name: 'server back → change set reviewed, no click (100 changes, 11,000 nodes on the server), median of 3', value: Math.round(median(back) / 100) / 10, unit: 's',
          target: '≤ 5 s', notes: `each run: ${back.map((ms) => (ms / 1000).toFixed(1)).join(', ')} s from the server answering again; re-check every ${RECHECK_EVERY_MS / 1000} s while changes wait (before: the next inventory read, up to a minute, and a click)` },
      ];
    } finally {
      await fk.close();
      await dc.close();
    }
  },
};
