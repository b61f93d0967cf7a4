// The columns that hold sealed secrets, and the place each value is bound to (table, column,
// row id). `legacyPurpose` is what version 1 bound instead, read only by the re-seal step.
import type { SecretPlace } from './cipher';

export const sealedColumns = [
  { table: 'api_tokens', column: 'secret_enc', legacyPurpose: 'api_tokens.secret' },
  { table: 'nodes', column: 'power_params_enc', legacyPurpose: 'nodes.power_params' },
  { table: 'license_keys', column: 'license_key_enc', legacyPurpose: 'license_keys.license_key' },
] as const;

export const tokenSecretPlace = (id: number): SecretPlace => ({ table: 'api_tokens', column: 'secret_enc', rowId: id });
export const powerParamsPlace = (id: number): SecretPlace => ({ table: 'nodes', column: 'power_params_enc', rowId: id });
export const licenseKeyPlace = (id: number): SecretPlace => ({ table: 'license_keys', column: 'license_key_enc', rowId: id });
/** The key check: a known value sealed in the config table, proving the key opens this database. */
export const keyCheckPlace = (name: string): SecretPlace => ({ table: 'config', column: 'value', rowId: name });
