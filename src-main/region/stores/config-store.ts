// MAAS configuration items (maas get_config/set_config) with MAAS 1.8's documented names
// and defaults (src/maasserver/models/config.py get_default_config), plus a few internal
// items of the region itself (prefixed "region:"), which the API never shows.
import { hostname } from 'node:os';
import type { Database, Statement } from 'better-sqlite3';

export type ConfigValue = string | boolean | null;

type Kind = 'text' | 'bool' | 'choice';
interface Item { default: ConfigValue; kind: Kind; choices?: string[] }

export const MAAS_CONFIG: Readonly<Record<string, Item>> = {
  maas_name: { default: hostname(), kind: 'text' },
  main_archive: { default: 'http://archive.ubuntu.com/ubuntu', kind: 'text' },
  ports_archive: { default: 'http://ports.ubuntu.com/ubuntu-ports', kind: 'text' },
  commissioning_distro_series: { default: 'trusty', kind: 'text' },
  default_osystem: { default: 'ubuntu', kind: 'text' },
  default_distro_series: { default: 'trusty', kind: 'text' },
  http_proxy: { default: null, kind: 'text' },
  upstream_dns: { default: null, kind: 'text' },
  dnssec_validation: { default: 'auto', kind: 'choice', choices: ['auto', 'yes', 'no'] },
  ntp_server: { default: 'ntp.ubuntu.com', kind: 'text' },
  windows_kms_host: { default: null, kind: 'text' },
  kernel_opts: { default: null, kind: 'text' },
  boot_images_auto_import: { default: true, kind: 'bool' },
  enable_third_party_drivers: { default: true, kind: 'bool' },
  enable_disk_erasing_on_release: { default: false, kind: 'bool' },
};

export const isConfigName = (name: string): boolean => Object.hasOwn(MAAS_CONFIG, name);

/** A set_config value as MAAS's form would clean it; a string problem when invalid. */
export function cleanConfigValue(name: string, raw: string): { value: ConfigValue } | { problem: string } {
  const item = MAAS_CONFIG[name];
  if (item.kind === 'bool') {
    const t = raw.trim().toLowerCase();
    if (['true', '1', 'on', 'yes'].includes(t)) return { value: true };
    if (['false', '0', '', 'off', 'no'].includes(t)) return { value: false };
    return { problem: `${name}: "${raw}" is not a boolean (use true or false).` };
  }
  if (item.kind === 'choice' && !item.choices!.includes(raw)) {
    return { problem: `${name}: select a valid choice (${item.choices!.join(', ')}).` };
  }
  if (raw.length > 4096) return { problem: `${name}: at most 4096 characters.` };
  return { value: raw === '' && item.default === null ? null : raw };
}

export class ConfigStore {
  readonly #get: Statement<[string], { value: string }>;
  readonly #set: Statement<[string, string]>;
  constructor(db: Database) {
    this.#get = db.prepare('SELECT value FROM config WHERE name = ?');
    this.#set = db.prepare('INSERT INTO config (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value');
  }

  /** A MAAS item (its default when never set) or an internal one (undefined when unset). */
  get(name: string): ConfigValue | undefined {
    const row = this.#get.get(name);
    if (row) return JSON.parse(row.value) as ConfigValue;
    return isConfigName(name) ? MAAS_CONFIG[name].default : undefined;
  }

  set(name: string, value: ConfigValue): void {
    this.#set.run(name, JSON.stringify(value));
  }
}
