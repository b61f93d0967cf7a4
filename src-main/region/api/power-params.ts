// power_type and power_parameters_{name} as MAAS's node forms read them. Unknown power
// types are refused; parameters not in the type's schema are refused unless
// power_parameters_skip_check=true (MAAS 1.8 semantics). Every value, skip_check or not, is
// checked for what its power type does with it (src-shared/maas/power-params): a refused
// value is a 400 {"power_parameters_<name>": ["why"]} and nothing is stored.
import { validatePowerParameters } from '../../../src-shared/maas/power-params/index';
import { clip, type Params } from '../http/params';
import type { PowerTypeDescription } from '../power-port';
import { fieldError, formErrors } from './form';

const PREFIX = 'power_parameters_';

export interface PowerChange {
  type?: string;
  /** Parameters given in this request (merged over the stored ones by the caller), checked. */
  params: Record<string, string>;
  given: boolean;
}

/** The parameters as they may be stored and run, or the 400 naming each refused one. */
export function checkedPowerParams(type: string, params: Record<string, string>, skipCheck: boolean): Record<string, string> {
  const r = validatePowerParameters(type, params, { allowUnknown: skipCheck });
  if (r.ok) return r.params;
  throw formErrors(Object.fromEntries(Object.entries(r.errors).map(([name, ms]) => [`${PREFIX}${name}`, ms])));
}

export function readPowerChange(p: Params, types: readonly PowerTypeDescription[], currentType: string): PowerChange {
  const type = p.get('power_type');
  const params: Record<string, string> = {};
  const skipCheck = p.bool('power_parameters_skip_check') ?? false;
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
      throw fieldError('power_parameters', 'not a JSON object.');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw fieldError('power_parameters', 'not a JSON object.');
    for (const [k, v] of Object.entries(parsed)) params[k] = typeof v === 'string' ? v : JSON.stringify(v);
  }
  if (type !== undefined && type !== '' && !types.some((t) => t.name === type)) {
    throw fieldError('power_type', `"${clip(type)}" is not a valid power type (choose one of ${types.map((t) => t.name).join(', ')}).`);
  }
  const effective = type ?? currentType;
  const given = type !== undefined || Object.keys(params).length > 0;
  // With skip_check and no power type, MAAS kept nothing: there is nothing to run them with.
  if (effective === '' && skipCheck) return { type, params: {}, given };
  return { type, params: checkedPowerParams(effective, params, skipCheck), given };
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
