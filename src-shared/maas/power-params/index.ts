// The one validation of power parameters: the region's API, the power service (for values
// stored before this check existed), the console's edit forms and the field kit's imports
// and push all call validatePowerParameters. A value is refused for what it is, never
// repeated in the message (it may be a password, or an attacker's text).
import { isSecretPowerParameter } from '../power-secrets';
import { kindProblem, powerFieldRules } from './field-rules';

export { libvirtUriProblem, libvirtUriExample } from './libvirt-uri';
export { addressProblem, addressOrUrlProblem, hostProblem } from './address';
export { powerFieldRules, type FieldKind } from './field-rules';

/** Field name → messages ("must not begin with \"-\""), as MAAS's form errors are shaped. */
export type PowerParameterErrors = Record<string, string[]>;

export type PowerParametersResult =
  | { ok: true; params: Record<string, string> }
  | { ok: false; errors: PowerParameterErrors };

export interface ValidateOptions {
  /** MAAS's power_parameters_skip_check: parameters the type does not know are kept (and still checked as text). */
  allowUnknown?: boolean;
  /**
   * A remote MAAS knows power types this console does not (lxd, proxmox, webhook…): their
   * parameters are checked as text (secrets by name), not refused. The embedded region never sets this.
   */
  allowUnknownType?: boolean;
}

export const knownPowerTypes = (): string[] => Object.keys(powerFieldRules);

/**
 * Checks every given parameter of `powerType`. An empty value means "not set" and is kept
 * (MAAS stores partial parameters; the power operation names what is missing). Returns the
 * parameters with surrounding spaces removed (passwords are kept exactly), or the errors.
 * `powerType` '' (no power type) accepts only empty parameters.
 */
export function validatePowerParameters(powerType: string, params: Readonly<Record<string, string>>, options: ValidateOptions = {}): PowerParametersResult {
  // A Map, not an object: parameter names come from requests ("constructor", "__proto__").
  const found = new Map<string, string[]>();
  const add = (field: string, message: string) => { found.set(field, [...(found.get(field) ?? []), message]); };
  const errors = () => Object.fromEntries(found);
  const known = powerType === '' ? {} : Object.hasOwn(powerFieldRules, powerType) ? powerFieldRules[powerType] : undefined;
  const rules = known ?? (options.allowUnknownType ? {} : undefined);
  if (!rules) {
    add('power_type', `is not a known power type (one of ${knownPowerTypes().join(', ')})`);
    return { ok: false, errors: errors() };
  }
  const accepted = new Map<string, string>();
  for (const [name, raw] of Object.entries(params)) {
    if (typeof raw !== 'string') {
      add(name, 'must be text');
      continue;
    }
    const rule = Object.hasOwn(rules, name) ? rules[name] : undefined;
    if (!rule && !options.allowUnknown && known) {
      add(name, powerType === '' ? 'cannot be set without a power type' : `is not a parameter of power type ${powerType}`);
      continue;
    }
    const kind = rule ?? (isSecretPowerParameter(name) ? { kind: 'secret' as const } : { kind: 'text' as const });
    const value = kind.kind === 'secret' ? raw : raw.trim();
    accepted.set(name, value);
    if (value === '') continue;
    const problem = kindProblem(kind, value);
    if (problem) add(name, problem);
  }
  return found.size ? { ok: false, errors: errors() } : { ok: true, params: Object.fromEntries(accepted) };
}

/** One line for an event or a power state: "power_address must not …; power_id …". */
export function describePowerParameterErrors(errors: PowerParameterErrors): string {
  return Object.entries(errors).flatMap(([name, ms]) => ms.map((m) => `${name} ${m}`)).join('; ');
}
