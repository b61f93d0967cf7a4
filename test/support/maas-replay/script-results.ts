// Script results as MAAS 2.x/3.x answer them (src/maasserver/api/scriptresults.py): a node's
// runs ("script sets") under `nodes/{id}/results/` filtered by `type=`, one run under
// `results/{id|current-commissioning|current-testing}/`, each script's output, stdout, stderr
// and result base64-encoded only with `include_output`, `filters=` naming scripts by name, tag
// or result id. Times are Python's `email.utils.format_datetime` of a naive datetime; runtime
// is `str(timedelta)` without microseconds, "" until the script ends.
import { text, type Reply } from './machine-ops';

/** metadataserver/enum.py SCRIPT_STATUS_CHOICES, by number. */
export const SCRIPT_STATUS = ['Pending', 'Running', 'Passed', 'Failed', 'Timed out', 'Aborted', 'Degraded', 'Installing',
  'Failed installing', 'Skipped', 'Applying custom network configuration', 'Failed applying custom network configuration'];
const RESULT_TYPE = { 0: 'Commissioning', 1: 'Installation', 2: 'Testing' } as const;
const TYPE_WORDS: Record<string, 0 | 1 | 2> = { commissioning: 0, commission: 0, installation: 1, install: 1, testing: 2, test: 2 };

export interface ReplayScriptResult {
  id: number;
  name: string;
  tags: string[];
  status: number;
  exit_status: number | null;
  started: Date | null;
  ended: Date | null;
  output: string;
  stdout?: string;
  stderr?: string;
}

export interface ReplayScriptSet { id: number; type: 0 | 1 | 2; results: ReplayScriptResult[] }

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');
const rfc2822 = (d: Date | null) => (d ? `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} `
  + `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} -0000` : null);
const runtime = (a: Date | null, b: Date | null) => {
  if (!a || !b) return '';
  const s = Math.floor((b.getTime() - a.getTime()) / 1000);
  return `${Math.floor(s / 3600)}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
};
const b64 = (s: string | undefined) => Buffer.from(s ?? '').toString('base64');
const RUNNING_OR_PENDING = new Set([0, 1, 7, 10]);

function setJson(systemId: string, s: ReplayScriptSet, base: string, include: boolean, filters: string[] | null) {
  const starts = s.results.map((r) => r.started).filter((d): d is Date => !!d);
  const ends = s.results.map((r) => r.ended).filter((d): d is Date => !!d);
  const running = s.results.some((r) => RUNNING_OR_PENDING.has(r.status));
  const failed = s.results.find((r) => [3, 4, 5, 8, 11].includes(r.status));
  const status = running ? 1 : failed ? failed.status : 2;
  const started = starts.length ? new Date(Math.min(...starts.map(Number))) : null;
  const ended = !running && ends.length ? new Date(Math.max(...ends.map(Number))) : null;
  const shown = s.results.filter((r) => !filters || filters.some((f) => f === r.name || r.tags.includes(f) || (/^\d+$/.test(f) && Number(f) === r.id)))
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    id: s.id, system_id: systemId, type: s.type, type_name: RESULT_TYPE[s.type], last_ping: rfc2822(ended ?? started),
    status, status_name: SCRIPT_STATUS[status], started: rfc2822(started), ended: rfc2822(ended), runtime: runtime(started, ended),
    results: shown.map((r) => ({
      id: r.id, created: rfc2822(started), updated: rfc2822(r.ended ?? r.started ?? started), name: r.name, status: r.status,
      status_name: SCRIPT_STATUS[r.status], exit_status: r.exit_status, started: rfc2822(r.started), ended: rfc2822(r.ended),
      runtime: runtime(r.started, r.ended), starttime: r.started ? r.started.getTime() / 1000 : '', endtime: r.ended ? r.ended.getTime() / 1000 : '',
      estimated_runtime: runtime(r.started, r.ended) || '0:00:30', parameters: {}, script_id: r.tags.length ? r.id % 97 : null,
      script_revision_id: r.tags.length ? r.id % 89 : null, suppressed: false,
      ...(include ? { output: b64(r.output), stdout: b64(r.stdout ?? r.output), stderr: b64(r.stderr), result: '' } : {}),
    })),
    suppressed: false, resource_uri: `${base}nodes/${systemId}/results/${s.id}/`,
  };
}

/** `nodes/{id}/results/` and `nodes/{id}/results/{id}/` (GET) for a machine's runs. */
export function scriptResultsRoute(rest: string, method: string, query: URLSearchParams, base: string,
  runsOf: (systemId: string) => ReplayScriptSet[] | undefined): Reply | null {
  const m = /^nodes\/([^/]+)\/results\/(?:([^/]+)\/)?$/.exec(rest);
  if (!m || method !== 'GET') return null;
  const systemId = decodeURIComponent(m[1]);
  const sets = runsOf(systemId);
  if (!sets) return text(404, 'No Node matches the given query.');
  // Any value of include_output includes the output (formencode's Bool).
  const include = query.has('include_output') && query.get('include_output') !== '';
  const filters = query.get('filters')?.split(',') ?? null;
  const json = (s: ReplayScriptSet) => setJson(systemId, s, base, include, filters);
  if (!m[2]) {
    const t = query.get('type');
    const type = t === null ? null : /^\d+$/.test(t) ? Number(t) : TYPE_WORDS[t];
    if (type === undefined) return text(400, `Unknown type "${t}": type must be the type numeric value testing, commissioning, or installation.`);
    return { status: 200, body: sets.filter((s) => type === null || s.type === type).map(json) };
  }
  const id = decodeURIComponent(m[2]);
  const current: Record<string, 0 | 1 | 2> = { 'current-commissioning': 0, 'current-installation': 1, 'current-testing': 2 };
  const newest = (type: number) => sets.filter((s) => s.type === type).sort((a, b) => b.id - a.id)[0];
  const set = id in current ? newest(current[id]) : /^\d+$/.test(id) ? sets.find((s) => s.id === Number(id)) : undefined;
  if (set) return { status: 200, body: json(set) };
  if (/^\d+$/.test(id)) return text(404, 'No ScriptSet matches the given query.');
  // A current-* run the node never had is a validation error in MAAS, as is a word it does not know.
  return text(400, `Unknown id "${id}" must be current-commissioning, current-testing, current-installation, or the id number of a specific result.`);
}

/** The newest run's id of a kind, as `current_commissioning_result_id` / `current_testing_result_id`. */
export const currentRunId = (sets: ReplayScriptSet[] | undefined, type: 0 | 2): number | null =>
  (sets ?? []).filter((s) => s.type === type).reduce<number | null>((a, s) => (a === null || s.id > a ? s.id : a), null);
