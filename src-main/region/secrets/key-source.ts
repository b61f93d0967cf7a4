// Where the region's 32-byte key lives: the OS keychain (keytar, service
// "maas-console-region", one entry per region id) or, headless with no keychain, a key
// file in the data directory with mode 0600 (and a warning on stderr, since anyone who can
// read the data directory can then read the secrets).
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const KEYCHAIN_SERVICE = 'maas-console-region';
export const KEY_FILE = 'region.key';

export type KeyStorage = 'keychain' | 'file';

export interface RegionKey {
  key: Buffer;
  storage: KeyStorage;
}

export interface Keychain {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
}

async function loadKeytar(): Promise<Keychain> {
  const mod = (await import('keytar')) as unknown as { default?: Keychain } & Keychain;
  return mod.default ?? mod;
}

function readKeyFile(file: string): Buffer {
  const mode = statSync(file).mode & 0o777;
  if (mode & 0o077) chmodSync(file, 0o600);
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte base64 key.`);
  return key;
}

/**
 * The key for the region `regionId` whose data is in `dataDir`. `fresh` says the database
 * holds no secret yet, so a key may be created; otherwise a missing key is an error.
 */
export async function obtainRegionKey(opts: {
  dataDir: string;
  regionId: string;
  fresh: boolean;
  prefer?: KeyStorage;
  keychain?: () => Promise<Keychain>;
  warn?: (text: string) => void;
}): Promise<RegionKey> {
  const file = join(opts.dataDir, KEY_FILE);
  const warn = opts.warn ?? ((t: string) => process.stderr.write(`${t}\n`));
  if (existsSync(file)) return { key: readKeyFile(file), storage: 'file' };
  // A region that already holds secrets has its key somewhere: `prefer` only says where a
  // new key goes, so the keychain is asked even then, and a key is never made anew for it.
  if (opts.prefer !== 'file' || !opts.fresh) {
    try {
      const kc = await (opts.keychain ?? loadKeytar)();
      const found = await kc.getPassword(KEYCHAIN_SERVICE, opts.regionId);
      if (found) return { key: Buffer.from(found, 'base64'), storage: 'keychain' };
      if (!opts.fresh) throw new KeyMissing(opts.regionId, `no ${KEY_FILE} in ${opts.dataDir} either`);
      const key = randomBytes(32);
      await kc.setPassword(KEYCHAIN_SERVICE, opts.regionId, key.toString('base64'));
      return { key, storage: 'keychain' };
    } catch (e) {
      if (e instanceof KeyMissing) throw e;
      if (!opts.fresh) throw new KeyMissing(opts.regionId, (e as Error).message);
      warn(`maas-console region: no OS keychain (${(e as Error).message.split('\n')[0]}); ` +
        `keeping the secrets key in ${file} (mode 0600) instead.`);
    }
  }
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return { key, storage: 'file' };
}

export class KeyMissing extends Error {
  constructor(regionId: string, why?: string) {
    super(`The secrets key of region ${regionId} is not in the OS keychain (service "${KEYCHAIN_SERVICE}")` +
      (why ? `: ${why}` : '') + '. Its token secrets and power passwords cannot be read.');
  }
}
