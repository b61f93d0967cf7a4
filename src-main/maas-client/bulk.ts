// Per-node outcomes of MAAS's bulk calls (shared/reference/maas-behaviour.md, "Bulk operations").
// - accept: 200 with the ids (1.0) or representations (2.0) that changed; already-accepted nodes
//   are not listed. A node in a state that cannot be accepted fails the whole request (409):
//   the server rolls back, so the others are "not applied".
// - release: releases every node it can, then answers 409 naming the others as
//   "system_id ('Status')". Those not named were released (or were Ready already: MAAS does
//   not say which), so `changed` and `refused` are both filled.
import type { BulkOutcome } from '../../src-shared/maas/maas-types';
import type { Answer } from './transport';

const idsOf = (body: unknown): string[] =>
  Array.isArray(body)
    ? body.map((x) => (typeof x === 'string' ? x : String((x as { system_id?: unknown })?.system_id ?? ''))).filter(Boolean)
    : [];

function parseBody(a: Answer): unknown {
  try { return JSON.parse(a.body.toString('utf8')); } catch { return a.body.toString('utf8'); }
}

/** The requested ids the server's refusal names, each with its reason. */
export function refusedIn(text: string, requested: string[]): Record<string, string> {
  const reasons: Record<string, string> = {};
  const summary = text.replace(/\s+/g, ' ').trim().slice(0, 300);
  for (const id of requested) {
    const at = text.indexOf(id);
    if (at < 0) continue;
    // "abc123 ('Deployed')" → "Deployed"
    const state = /^\s*\('([^']+)'\)/.exec(text.slice(at + id.length));
    reasons[id] = state ? `refused in state ${state[1]}: ${summary}` : summary;
  }
  return reasons;
}

export function bulkOutcome(kind: 'accept' | 'release', requested: string[], a: Answer): BulkOutcome {
  const unique = [...new Set(requested)];
  if (a.status !== 409) {
    const changed = idsOf(parseBody(a));
    const set = new Set(changed);
    return { status: 200, changed, unchanged: unique.filter((id) => !set.has(id)), refused: [], reasons: {}, notApplied: [] };
  }
  const text = a.body.toString('utf8');
  const reasons = refusedIn(text, unique);
  let refused = Object.keys(reasons);
  // A 409 that names none of our ids: we cannot tell which were refused, so claim none changed.
  if (refused.length === 0) {
    refused = unique;
    for (const id of unique) reasons[id] = text.replace(/\s+/g, ' ').trim().slice(0, 300) || 'refused (409)';
  }
  const rest = unique.filter((id) => !(id in reasons));
  return kind === 'release'
    ? { status: 409, changed: rest, unchanged: [], refused, reasons, notApplied: [] }
    : { status: 409, changed: [], unchanged: [], refused, reasons, notApplied: rest };
}

export function acceptAllOutcome(a: Answer): BulkOutcome {
  return { status: 200, changed: idsOf(parseBody(a)), unchanged: [], refused: [], reasons: {}, notApplied: [] };
}
