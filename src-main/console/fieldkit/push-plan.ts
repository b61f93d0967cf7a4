// The dry-run: captured nodes (This laptop) against a target's nodes, zones and tags, read
// fresh; the plan is written to a push journal so apply (and any resume) works from it.
import { randomUUID } from 'node:crypto';
import type { PushItemOutcome, PushReport } from '../../../src-shared/contract/fieldkit';
import type { NodeSummary } from '../../../src-shared/contract/maas-types';
import { classify, indexTarget, missingNames, type DiffNode } from '../../../src-shared/fieldkit/push-diff';
import { uniqueMacs } from '../../../src-shared/maas/mac';
import { ConsoleFailure } from '../../../src-shared/contract/errors';
import type { MaasClient } from '../../maas-client/index';
import type { PushJournal } from './push-journal';
import { attachPower } from './push-power';
import { diffDetails } from './push-details';

export interface PlanDeps {
  local: () => Promise<MaasClient>;
  clientFor: (id: string) => Promise<MaasClient>;
  nameOf: (id: string) => string;
  localId: string;
  journal: PushJournal;
  now?: () => Date;
}

export const zoneNeeded = (n: NodeSummary) => (n.zone && n.zone !== 'default' ? [n.zone] : []);

export async function planPush(d: PlanDeps, req: { targetId: string; systemIds?: string[] }): Promise<PushReport> {
  if (req.targetId === d.localId) throw new ConsoleFailure('bad-input', 'Choose another connection as the target: the captured nodes are already on This laptop.');
  const local = await d.local();
  const all = await local.listNodes();
  const wanted = req.systemIds ? new Set(req.systemIds) : null;
  const source = wanted ? all.filter((n) => wanted.has(n.systemId)) : all;
  if (wanted && source.length !== wanted.size) {
    const missing = [...wanted].filter((id) => !all.some((n) => n.systemId === id));
    throw new ConsoleFailure('not-found', `Not on This laptop: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? '…' : ''}.`);
  }
  const target = await d.clientFor(req.targetId);
  const [nodes, zones, tags] = await Promise.all([target.listNodes(), target.listZones(), target.listTags()]);
  const index = indexTarget(nodes.map(toDiff));
  const diffs = source.map(toDiff);
  await attachPower(local, target, diffs, index, { enlisting: false });
  const plans = diffs.map((s) => classify(s, index));
  await diffDetails(local, target, plans, new Map(source.map((n) => [n.systemId, n])));
  const used = source.filter((_, i) => plans[i].verdict !== 'conflict');
  const items: PushItemOutcome[] = plans.map((p) => ({ ...p, state: p.verdict === 'conflict' ? 'conflict' : 'pending', message: null }));
  const id = `push-${randomUUID()}`;
  d.journal.create({
    id, targetId: req.targetId, targetName: d.nameOf(req.targetId), createdAt: (d.now?.() ?? new Date()).toISOString(),
    zones: missingNames(used.flatMap(zoneNeeded), zones.map((z) => z.name)),
    tags: missingNames(used.flatMap((n) => n.tags), tags.map((t) => t.name)), items,
  });
  return d.journal.report(id)!;
}

export const toDiff = (n: NodeSummary): DiffNode => ({
  systemId: n.systemId, hostname: n.hostname, macAddresses: uniqueMacs(n.macAddresses), zone: n.zone, powerType: n.powerType, tags: n.tags,
});
