// API 1.0 folds states 6 and 9–15 into `status` 6; the true state is `substatus`
// (shared/reference/maas-behaviour.md: kept backwards compatible from MAAS 1.7 on).
// Serve both; clients that know better read `substatus`.
import { NodeStatus, type NodeStatusValue } from './node-status';

const FOLDED: ReadonlySet<number> = new Set([6, 9, 10, 11, 12, 13, 14, 15]);

/** The `status` an API 1.0 server reports for a real status. */
export const api1LegacyStatus = (real: NodeStatusValue): number => (FOLDED.has(real) ? NodeStatus.DEPLOYED : real);

/** The real status from an API 1.0 node: `substatus` when present, else `status`. */
export function realStatusOfApi1(node: { status: number; substatus?: number | null }): number {
  return typeof node.substatus === 'number' ? node.substatus : node.status;
}
