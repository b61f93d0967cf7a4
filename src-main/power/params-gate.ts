// The last check before any driver runs: the parameters must pass the same validation the
// API, the forms and the field kit apply (src-shared/maas/power-params). Values stored by an
// older version, or written into the database by hand, that no longer pass are never handed
// to a tool; the node's power reads "parameters refused: …" until someone edits them.
import { describePowerParameterErrors, validatePowerParameters } from '../../src-shared/maas/power-params/index';
import { PowerError, type PowerTarget } from './types';

export function refuseInvalidParameters(t: PowerTarget): void {
  // Unknown names (MAAS's skip_check) are kept and checked as text; no driver reads them.
  const r = validatePowerParameters(t.powerType, t.params, { allowUnknown: true });
  if (!r.ok) throw new PowerError('bad-parameters', `parameters refused: ${describePowerParameterErrors(r.errors)}`);
}
