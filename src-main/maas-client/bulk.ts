// What MAAS's bulk accept and release answers say per node, and nothing they do not say
// (shared/reference/maas-behaviour.md "Bulk 409s are not rolled back"):
// - 200: accept lists the machines it moved (2.0 representations, 1.0 ids), release the ids it
//   released. Any other node asked for was left as it was by the server, which gives no reason
//   (already accepted, already Ready, already releasing…): "unchanged", nothing more.
// - 409: accept stops at the first machine it refuses, naming it ("… node ID is in state
//   State."); release handles every machine and names each refused one ("ID ('State')"). The
//   machines handled before the refusal are NOT rolled back. The answer does not say which of
//   the others changed: they are `unreported` until the caller reads them back.
import type { BulkOutcome } from '../../src-shared/maas/maas-types';
import { MAX_JSON_DEPTH } from './answer-limits';
import { parseBoundedJson } from './bounded-json';
import type { Answer } from './transport';

const idsOf = (body: unknown): string[] =>
  Array.isArray(body)
    ? body.map((x) => (typeof x === 'string' ? x : String((x as { system_id?: unknown })?.system_id ?? ''))).filter(Boolean)
    : [];

function parseBody(a: Answer): unknown {
  try { return parseBoundedJson(a.body.toString('utf8'), MAX_JSON_DEPTH); } catch { return a.body.toString('utf8'); }
}

const summaryOf = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 300);

/** The requested ids the server's refusal names, each with the server's words. */
export function refusedIn(text: string, requested: string[]): Record<string, string> {
  const reasons: Record<string, string> = {};
  const summary = summaryOf(text);
  for (const id of requested) {
    // Whole ids only: "m1" must not match inside "m12".
    const at = new RegExp(`(^|[^\\w-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).exec(text);
    if (!at) continue;
    // release: "abc123 ('Deployed')"; accept: "node abc123 is in state Deployed."
    const after = text.slice(at.index + at[0].length);
    const state = /^\s*\('([^']+)'\)/.exec(after) ?? /^ is in state ([^.]+)\./.exec(after);
    reasons[id] = state ? `refused in state ${state[1]}: ${summary}` : summary;
  }
  return reasons;
}

export function bulkOutcome(requested: string[], a: Answer): BulkOutcome {
  const unique = [...new Set(requested)];
  if (a.status !== 409) {
    const set = new Set(idsOf(parseBody(a)));
    const changed = unique.filter((id) => set.has(id));
    return { status: 200, changed, unchanged: unique.filter((id) => !set.has(id)), refused: [], reasons: {}, unreported: [] };
  }
  const text = a.body.toString('utf8');
  const reasons = refusedIn(text, unique);
  const refused = Object.keys(reasons);
  // A 409 that names none of the ids asked for says nothing per node: all of them are unreported.
  if (refused.length === 0) return { status: 409, changed: [], unchanged: [], refused: [], reasons: {}, unreported: unique };
  return { status: 409, changed: [], unchanged: [], refused, reasons, unreported: unique.filter((id) => !(id in reasons)) };
}

export function acceptAllOutcome(a: Answer): BulkOutcome {
  return { status: 200, changed: idsOf(parseBody(a)), unchanged: [], refused: [], reasons: {}, unreported: [] };
}

/** The server's whole 409 text, for a job note. */
export const conflictText = (a: Answer): string => summaryOf(a.body.toString('utf8'));
