// The shape of every JSON answer the client uses, checked before anything reads it. Each
// field the console reads has its type; a field may be missing or null (servers and MAAS
// versions leave different ones out), but one of the wrong type makes the answer malformed.
// Fields the console does not read pass through unchecked (beyond the JSON depth limit), so a
// newer MAAS adding fields is not refused.
//
// One malformed machine refuses the whole list rather than being dropped with a warning: the
// console reads a node missing from a fresh list as a node the server no longer has (the
// inventory removes it, a re-read after a bulk action reports it gone, the offline snapshot
// forgets it). Dropping would turn a server's bug into a false "deleted"; refusing keeps the
// last good list on screen with the error saying which entry was wrong and how.
import { z } from 'zod';
import { MaasMalformedAnswerError } from './errors';

const text = z.string().nullish();
const count = z.number().nullish();
const texts = z.array(z.string()).nullish();
const named = z.union([z.string(), z.looseObject({ name: z.string() })]).nullish();
const withMac = z.looseObject({ mac_address: text });

export const machineShape = z.looseObject({
  system_id: z.string().min(1),
  hostname: text,
  status: z.number().int().nullish(),
  substatus: z.number().int().nullish(),
  status_name: text,
  owner: text,
  zone: named,
  pool: named,
  architecture: text,
  cpu_count: count,
  memory: count,
  storage: count,
  power_state: text,
  power_type: text,
  tag_names: texts,
  ip_addresses: texts,
  macaddress_set: z.array(withMac).nullish(),
  interface_set: z.array(withMac).nullish(),
  boot_interface: withMac.nullish(),
  osystem: text,
  distro_series: text,
});

export const tagShape = z.looseObject({ name: z.string().min(1), definition: text, comment: text, kernel_opts: text });
export const zoneShape = z.looseObject({ name: z.string().min(1), description: text });

export const eventShape = z.looseObject({
  id: z.number().int(), node: text, hostname: text, level: text, created: text, type: text, description: text,
});
export const eventPageShape = z.looseObject({
  count: count, events: z.array(eventShape).nullish(), next_uri: text, prev_uri: text,
});

export const versionShape = z.looseObject({ version: text, capabilities: texts });
export const powerParametersShape = z.record(z.string(), z.unknown());
export const powerParametersByNodeShape = z.record(z.string(), powerParametersShape);
export const powerStateShape = z.looseObject({ state: z.string() });
export const tagMembershipShape = z.looseObject({ added: count, removed: count });
/** `op=accept` / `accept_all`: ids (1.0) or machines (2.0) that changed. */
export const changedNodesShape = z.array(z.union([z.string(), z.looseObject({ system_id: z.string() })]));

/** What the machine-action forms offer (actions.ts): ops, images, scripts, pools, defaults. */
export const describeShape = z.looseObject({
  handlers: z.array(z.looseObject({ name: text, actions: z.array(z.looseObject({ op: text })).nullish() })).nullish(),
});
export const bootResourceShape = z.looseObject({ name: text, architecture: text });
export const scriptShape = z.looseObject({ name: text, tags: texts });
export const poolShape = z.looseObject({ name: text });
export const configValueShape = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** Script results (api/scriptresults.py): a run ("script set") and its scripts, output only when asked. */
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64').nullish();
export const scriptResultShape = z.looseObject({
  id: z.number().int(), name: text, status: z.number().int().nullish(), status_name: text, exit_status: z.number().int().nullish(),
  started: text, ended: text, runtime: text, suppressed: z.boolean().nullish(), output: base64, stdout: base64, stderr: base64,
});
export const scriptSetShape = z.looseObject({
  id: z.number().int(), type: z.number().int().nullish(), type_name: text, status_name: text, started: text, ended: text,
  results: z.array(scriptResultShape).nullish(),
});

/** Any JSON object: answers the console reads no field of (describe/), or only passes on. */
export const anyObjectShape = z.looseObject({});

export const listOf = <S extends z.ZodType>(item: S) => z.array(item);

/** How an entry of a list is named in a message: its index, and its id if it has one. */
function entryName(value: unknown, index: number): string {
  const item = Array.isArray(value) ? value[index] : undefined;
  const id = item && typeof item === 'object' ? (item as Record<string, unknown>).system_id ?? (item as Record<string, unknown>).name : undefined;
  return typeof id === 'string' && id.length <= 100 ? `entry ${index} (${JSON.stringify(id)})` : `entry ${index}`;
}

/**
 * The answer as the schema reads it, or MaasMalformedAnswerError naming what was wrong (the
 * first problem, and how many more), written as "…: the answer is not the node list: …".
 */
export function checked<S extends z.ZodType>(where: string, status: number, what: string, schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues;
  const first = issues[0];
  const [head, ...rest] = first.path;
  const at = typeof head === 'number' ? [entryName(value, head), ...rest.map(String)].join(' › ')
    : first.path.map(String).join(' › ');
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  throw new MaasMalformedAnswerError(
    `${where}: the server's answer is not ${what}, so it was not used: ${at ? `${at}: ` : ''}${first.message.replace(/^Invalid input: /, '')}${more}`,
    status);
}
