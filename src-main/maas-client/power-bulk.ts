// Power parameters of many nodes at once: MAAS's collection read `op=power_parameters` (1.x
// `GET nodes/`, 2.x `GET machines/`: maas-1.8-api.md and the 2.x API docs: "Retrieve power parameters
// for multiple nodes … A dictionary of power parameters, keyed by node system_id"; admin only).
// The ids go in the query string, so they are sent in chunks that keep the request line
// well under the 8 KiB Apache and nginx in front of MAAS accept. A server that does not know
// the op (400 "Unrecognised signature", 404) is read one node at a time, a few at once, and
// remembered so the next read does not ask again.
import { statusOf } from './errors';

type PowerParams = Record<string, unknown>;

export interface PowerReads {
  bulk(ids: string[]): Promise<Record<string, PowerParams>>;
  one(id: string): Promise<PowerParams>;
}

/** Characters of `id=…&` per request: a 6-character MAAS system id is 10, so ~300 ids. */
const QUERY_BUDGET = 3000;
/** Per-node reads in flight when the bulk op is missing: MAAS serves the API from a few workers. */
const PER_NODE_CONCURRENCY = 8;

export function idChunks(ids: readonly string[], budget = QUERY_BUDGET): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  let used = 0;
  for (const id of ids) {
    const cost = encodeURIComponent(id).length + 4;
    if (cur.length && used + cost > budget) { out.push(cur); cur = []; used = 0; }
    cur.push(id); used += cost;
  }
  if (cur.length) out.push(cur);
  return out;
}

const unknownOp = (e: unknown) => statusOf(e) === 400 || statusOf(e) === 404 || statusOf(e) === 405;

export function powerParametersReader(reads: PowerReads): (ids: readonly string[]) => Promise<Map<string, PowerParams>> {
  let bulkMissing = false;
  return async (ids) => {
    const out = new Map<string, PowerParams>();
    const wanted = [...new Set(ids)];
    if (!wanted.length) return out;
    if (!bulkMissing) {
      try {
        // Sequential chunks: at most a handful, each one cheap for the server.
        for (const chunk of idChunks(wanted)) {
          for (const [id, p] of Object.entries(await reads.bulk(chunk))) if (p && typeof p === 'object') out.set(id, p);
        }
        return out;
      } catch (e) {
        if (!unknownOp(e)) throw e;
        bulkMissing = true;
        out.clear();
      }
    }
    let next = 0;
    const worker = async () => {
      while (next < wanted.length) {
        const id = wanted[next++];
        try {
          out.set(id, await reads.one(id));
        } catch (e) {
          if (statusOf(e) !== 404) throw e; // gone meanwhile: not in the answer
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PER_NODE_CONCURRENCY, wanted.length) }, worker));
    return out;
  };
}
