// power_type and power_parameters_{name} as MAAS's node forms read them. Unknown power
// types are refused; parameters not in the type's schema are refused unless
// power_parameters_skip_check=true (MAAS 1.8 semantics).
import { badRequest } from '../http/errors';
import { clip, type Params } from '../http/params';
import type { PowerTypeDescription } from '../power-port';

const PREFIX = 'power_parameters_';

export interface PowerChange {
  type?: string;
  /** Parameters given in this request (merged over the stored ones by the caller). */
  params: Record<string, string>;
  given: boolean;
}

export function readPowerChange(p: Params, types: readonly PowerTypeDescription[], currentType: string): PowerChange {
  const type = p.get('power_type');
  const params: Record<string, string> = {};
  const skip = p.bool('power_parameters_skip_check') ?? false;
  for (const name of p.names()) {
    if (!name.startsWith(PREFIX) || name === 'power_parameters_skip_check') continue;
    params[name.slice(PREFIX.length)] = p.get(name) ?? '';
  }
  // Legacy: MAAS also took power_parameters as one JSON object.
  const whole = p.get('power_parameters');
  if (whole !== undefined && whole !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(whole);
    } catch {
      throw badRequest('power_parameters: not a JSON object.');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw badRequest('power_parameters: not a JSON object.');
    for (const [k, v] of Object.entries(parsed)) params[k] = String(v);
  }
  const effective = type ?? currentType;
  if (type !== undefined && type !== '' && !types.some((t) => t.name === type)) {
    throw badRequest(`power_type: "${clip(type)}" is not a valid power type (choose one of ${types.map((t) => t.name).join(', ')}).`);
  }
  if (!skip && Object.keys(params).length) {
    const schema = types.find((t) => t.name === effective);
    if (!schema) throw badRequest('power_parameters: set a power_type before its parameters.');
    const unknown = Object.keys(params).filter((k) => !schema.fields.some((f) => f.name === k));
    if (unknown.length) {
      throw badRequest(`power_parameters: unknown parameter(s) for ${effective}: ${unknown.map((u) => clip(u)).join(', ')}.`);
    }
    for (const f of schema.fields) {
      if (f.choices && params[f.name] !== undefined && params[f.name] !== '' && !f.choices.some(([v]) => v === params[f.name])) {
        throw badRequest(`power_parameters_${f.name}: "${clip(params[f.name])}" is not one of ${f.choices.map(([v]) => v).join(', ')}.`);
      }
    }
  }
  for (const [k, v] of Object.entries(params)) if (v.length > 4096) throw badRequest(`power_parameters_${k}: at most 4096 characters.`);
  return { type, params, given: type !== undefined || Object.keys(params).length > 0 };
}

/** The stored parameters after a change: a new type drops parameters it does not know. */
export function mergePower(stored: Record<string, string>, storedType: string, ch: PowerChange,
  types: readonly PowerTypeDescription[]): { type: string; params: Record<string, string> } {
  const type = ch.type ?? storedType;
  if (type === '') return { type, params: {} };
  let base = { ...stored };
  if (type !== storedType) {
    const schema = types.find((t) => t.name === type);
    base = Object.fromEntries(Object.entries(base).filter(([k]) => schema?.fields.some((f) => f.name === k)));
  }
  return { type, params: { ...base, ...ch.params } };
}
