// What commissioning and testing left on a MAAS 2.x/3.x machine: its latest run of each kind
// and, on request, one script's output (api/scriptresults.py). The runs are listed without
// output (a run of 30 scripts is a few kB); one script's output is asked for alone, with
// `include_output` and `filters=<result id>`, because MAAS keeps up to 1 MiB of each of
// output, stdout, stderr and result per script. API 1.0 servers have no script results.
import type { NodeScripts, ScriptOutput, ScriptRun } from '../../src-shared/maas/maas-types';
import type { scriptSetShape } from './answer-shapes';
import type { Dialect } from './dialect';
import { MaasMalformedAnswerError } from './errors';
import type { MaasTransport } from './transport';
import type { z } from 'zod';

export interface ScriptResultCalls {
  /** The node's latest commissioning and testing runs; null from an API 1.0 server. */
  scriptRuns(systemId: string): Promise<NodeScripts | null>;
  /** One script's combined output (stdout and stderr as the script wrote them). */
  scriptOutput(systemId: string, runId: number, resultId: number): Promise<ScriptOutput>;
}

type ScriptSet = z.output<typeof scriptSetShape>;
const enc = encodeURIComponent;
const orNull = (v: string | null | undefined) => (v ? v : null);

function toRun(s: ScriptSet, kind: ScriptRun['kind']): ScriptRun {
  return {
    id: s.id, kind, statusName: s.status_name ?? '', started: orNull(s.started), ended: orNull(s.ended),
    results: (s.results ?? []).map((r) => ({
      id: r.id, name: r.name || 'Unknown', status: r.status ?? null, statusName: r.status_name ?? '', exitStatus: r.exit_status ?? null,
      started: orNull(r.started), ended: orNull(r.ended), runtime: r.runtime ?? '', suppressed: r.suppressed ?? false,
    })),
  };
}

export function scriptResultCalls(t: MaasTransport, d: Dialect): ScriptResultCalls {
  const resultsPath = (id: string) => `nodes/${enc(id)}/results/`;
  // MAAS keeps several runs of each kind (max_node_commissioning_results…); the current one is the newest.
  const latest = async (systemId: string, kind: ScriptRun['kind']) => {
    const sets = await t.read({ method: 'GET', path: resultsPath(systemId), query: { type: kind }, answer: 'list' }, 'script-sets', d.api);
    const newest = sets.reduce<ScriptSet | null>((a, s) => (!a || s.id > a.id ? s : a), null);
    return newest ? toRun(newest, kind) : null;
  };
  return {
    async scriptRuns(systemId) {
      if (d.api === '1.0') return null;
      const [commissioning, testing] = await Promise.all([latest(systemId, 'commissioning'), latest(systemId, 'testing')]);
      return { commissioning, testing };
    },
    async scriptOutput(systemId, runId, resultId) {
      const spec = { method: 'GET', path: `${resultsPath(systemId)}${runId}/`, query: { include_output: 1, filters: String(resultId) }, answer: 'script output' } as const;
      const set = await t.read(spec, 'script-set', d.api);
      const r = (set.results ?? []).find((x) => x.id === resultId);
      if (!r) throw new MaasMalformedAnswerError(`${t.describeCall(spec)}: the server's answer has no script result ${resultId}`, 200);
      // `output` is stdout and stderr interleaved as written; servers that leave it empty get the two joined.
      const bytes = r.output ? Buffer.from(r.output, 'base64') : Buffer.concat([Buffer.from(r.stdout ?? '', 'base64'), Buffer.from(r.stderr ?? '', 'base64')]);
      return { text: bytes.toString('utf8'), bytes: bytes.length };
    },
  };
}
