// How a change set reads: the changes one action recorded together (a bulk action on 100
// nodes) as one entry, expandable to its nodes; each change in words; a group's review and
// outcome as counts ("8 still apply · 2 already true").
import type { ChangeReview, ChangeSpec, RecordedChange } from '../../../../src-shared/contract/change-sets';

export interface ChangeGroup { key: string; changes: RecordedChange[] }

/** Consecutive changes of one batch make one group; every other change is its own. */
export function groupChanges(changes: readonly RecordedChange[]): ChangeGroup[] {
  const out: ChangeGroup[] = [];
  for (const c of changes) {
    const last = out.at(-1);
    if (c.batch && last && last.changes[0].batch === c.batch) last.changes.push(c);
    else out.push({ key: c.batch ? `b:${c.batch}` : `c:${c.id}`, changes: [c] });
  }
  return out;
}

/** " (SSH, skip networking, scripts a, b)" for the options a commission was recorded with. */
export function commissionOptions(o: Extract<ChangeSpec, { kind: 'commission' }>['options']): string {
  if (!o) return '';
  const parts = [o.enableSsh ? 'SSH' : '', o.skipNetworking ? 'skip networking' : '', o.skipStorage ? 'skip storage' : '',
    o.commissioningScripts?.length ? `scripts ${o.commissioningScripts.join(', ')}` : '', o.testingScripts?.length ? `tests ${o.testingScripts.join(', ')}` : ''].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

const who = (c: RecordedChange) => ('systemId' in c.spec ? (c.hostname ?? c.spec.systemId) : '');

/** One change in words; secrets are already masked by main. */
export function describeChange(c: RecordedChange): string {
  const s = c.spec;
  switch (s.kind) {
    case 'set-zone': return `${who(c)}: zone ${s.zone}`;
    case 'set-pool': return `${who(c)}: pool ${s.pool}`;
    case 'commission': return `${who(c)}: commission${commissionOptions(s.options)}`;
    case 'release': return `${who(c)}: release${s.comment ? ` ("${s.comment}")` : ''}`;
    case 'add-tag': case 'remove-tag': return `${who(c)}: ${s.kind} ${s.tag}`;
    case 'set-hostname': return `${who(c)}: hostname ${s.hostname}`;
    case 'create-tag': return `create tag ${s.tag}${s.definition ? ` (${s.definition})` : ''}`;
    case 'update-tag': return `edit tag ${s.tag}${s.name !== s.tag ? ` → ${s.name}` : ''}${s.definition ? ` (${s.definition})` : ' (manual)'}`;
    case 'delete-tag': return `delete tag ${s.tag}`;
    case 'set-power': return `${who(c)}: power ${s.powerType || 'none'} (${Object.entries(s.parameters).map(([k, v]) => `${k}=${v}`).join(', ')})`;
    default: return `${who(c)}: ${s.kind}`;
  }
}

/** What a whole group does: "accept on 10 nodes (ob-0, ob-1, ob-2…)". */
export function describeGroup(g: ChangeGroup): string {
  if (g.changes.length === 1) return describeChange(g.changes[0]);
  const s = g.changes[0].spec;
  const what = s.kind === 'set-zone' ? `zone ${s.zone}` : s.kind === 'set-pool' ? `pool ${s.pool}` : s.kind === 'commission' ? `commission${commissionOptions(s.options)}`
    : s.kind === 'release' && s.comment ? `release ("${s.comment}")` : s.kind === 'add-tag' || s.kind === 'remove-tag' ? `${s.kind} ${s.tag}` : s.kind;
  const names = g.changes.slice(0, 3).map(who).join(', ');
  return `${what} on ${g.changes.length} nodes (${names}${g.changes.length > 3 ? '…' : ''})`;
}

export const verdictWords = { applies: 'still applies', already: 'already true', conflict: 'conflict' } as const;

export const verdictText = (r: ChangeReview) => `${verdictWords[r.verdict]}: ${r.why}`;

/** "8 still apply · 1 already true · 1 conflict" for a group; '' when none was reviewed. */
export function reviewSummary(g: ChangeGroup, review: ReadonlyMap<number, ChangeReview>): string {
  const n = { applies: 0, already: 0, conflict: 0 };
  for (const c of g.changes) { const r = review.get(c.id); if (r) n[r.verdict]++; }
  return [n.applies ? `${n.applies} still apply` : '', n.already ? `${n.already} already true` : '', n.conflict ? `${n.conflict} conflict` : '']
    .filter(Boolean).join(' · ');
}

/** "8 done · 2 recorded" for a group's outcomes. */
export function stateSummary(g: ChangeGroup): string {
  const n = new Map<string, number>();
  for (const c of g.changes) n.set(c.state, (n.get(c.state) ?? 0) + 1);
  return [...n].map(([state, k]) => `${k} ${state}`).join(' · ');
}
