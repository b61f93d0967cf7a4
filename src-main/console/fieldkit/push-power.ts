// Power parameters for a push, read in bulk (MaasClient.powerParametersOf): from This laptop
// for the captured nodes (what is enlisted or updated; the BMC password included, so these
// stay in memory and go to the target only) and from the target for the nodes it already has
// by MAC and that were captured with a power type — the only ones whose parameters can differ.
// They are put on the DiffNodes, so classify() compares them; values never reach the plan.
import { ConsoleFailure } from '../../../src-shared/contract/errors';
import type { DiffNode, TargetIndex } from '../../../src-shared/fieldkit/push-diff';
import type { MaasClient } from '../../maas-client/index';
import { failedStatus } from '../maas-failure';

export type PowerValues = Map<string, Record<string, string>>;

const filled = (p: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(Object.entries(p).filter(([, v]) => typeof v === 'string' && v !== '')) as Record<string, string>;

/** The target node each captured node matches by MAC, if exactly one. */
function matchOf(s: DiffNode, t: TargetIndex): DiffNode | null {
  let found: DiffNode | null = null;
  for (const m of s.macAddresses) {
    const o = t.byMac.get(m.toLowerCase());
    if (o && found && o.systemId !== found.systemId) return null; // a conflict: nothing to compare
    if (o) found = o;
  }
  return found;
}

/**
 * Reads and attaches power parameters. `enlisting`: also read This laptop's for nodes the
 * target lacks (the push sends them on enlistment); a dry-run needs only the matched ones.
 * Answers This laptop's parameters (non-empty values) by captured system id.
 */
export async function attachPower(local: MaasClient, target: MaasClient, source: readonly DiffNode[], t: TargetIndex,
  o: { enlisting: boolean }): Promise<PowerValues> {
  const matched = new Map<DiffNode, DiffNode>();
  for (const s of source) {
    if (!s.powerType) continue;
    const m = matchOf(s, t);
    if (m) matched.set(s, m);
  }
  const localIds = source.filter((s) => s.powerType && (o.enlisting || matched.has(s))).map((s) => s.systemId);
  const [mine, theirs] = await Promise.all([
    local.powerParametersOf(localIds),
    target.powerParametersOf([...new Set([...matched.values()].map((m) => m.systemId))]).catch((e: unknown) => {
      // MAAS lets only admins read power parameters (and set them when enlisting): say so.
      if (failedStatus(e) === 403) {
        throw new ConsoleFailure('key-rejected', `${target.label} refused to show power parameters: comparing them (and enlisting nodes with them) needs an admin's API key.`);
      }
      throw e;
    }),
  ]);
  const values: PowerValues = new Map();
  for (const [id, p] of mine) values.set(id, filled(p));
  for (const s of source) if (values.has(s.systemId)) s.powerParameters = values.get(s.systemId);
  for (const m of matched.values()) if (theirs.has(m.systemId)) m.powerParameters = theirs.get(m.systemId);
  return values;
}
