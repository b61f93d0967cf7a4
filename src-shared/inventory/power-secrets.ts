// Power parameters and their secrets. A secret (BMC password, SNMP community, key) never
// reaches the renderer: it arrives as MASK, and a MASK sent back means "leave it as it is".
// Shared so the node detail's editor, main's node edit and the change set read one rule,
// the push diff's (src-shared/maas/power-secrets.ts).
import { isSecretPowerParameter } from '../maas/power-secrets';

export const MASK = '••••••';

export function maskPowerParameters(params: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) out[k] = isSecretPowerParameter(k) ? (v === '' || v == null ? '' : MASK) : String(v ?? '');
  return out;
}

/** The server's power as the console last read it (secrets included, main only). */
export interface CurrentPower { type: string; parameters: Record<string, unknown> | null }

/**
 * The node form fields (MAAS `PUT nodes/{id}/`: power_type, power_parameters_{name}) that
 * make the node's power what is `wanted`. A MASK value is the secret from `secrets` (a
 * recorded change's, from the keychain) or else the server's own. MAAS's node form may
 * replace the whole parameter set, so with the power type unchanged the parameters the
 * request does not name are sent again with the server's values.
 */
export function powerFormFields(
  wanted: { type: string; parameters: Record<string, string> }, current: CurrentPower, secrets: Record<string, string> = {},
): Record<string, string> {
  const out: Record<string, string> = { power_type: wanted.type };
  const server = current.parameters ?? {};
  const serverValue = (k: string) => (server[k] == null ? undefined : String(server[k]));
  for (const [k, v] of Object.entries(wanted.parameters)) {
    const value = v === MASK ? secrets[k] ?? serverValue(k) : v;
    if (value !== undefined) out[`power_parameters_${k}`] = value;
  }
  if (wanted.type === current.type) {
    for (const k of Object.keys(server)) {
      const v = serverValue(k);
      if (!(k in wanted.parameters) && v !== undefined) out[`power_parameters_${k}`] = v;
    }
  }
  return out;
}
