// Which power parameters hold secrets. MAAS's power drivers name them power_pass, *_password,
// snmp community, tokens, keys (drivers/power/*: make_setting_field(..., field_type='password'));
// their values are never shown, logged or sent to the renderer — only that they differ.
// (The node detail masks with it: src-shared/inventory/power-secrets.ts.)
const SECRET = /pass|secret|community|token|key|cred|priv/i;

export const isSecretPowerParameter = (name: string): boolean => SECRET.test(name);
