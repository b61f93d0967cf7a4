// API keys live only in the OS keychain (keytar: Secret Service on Linux, Keychain on macOS,
// Credential Vault on Windows), service "maas-console", account = the connection's id.
// When the keychain cannot be used (no Secret Service, locked), the caller gets a clear
// 'keychain' failure and nothing is written anywhere else.
import { ConsoleFailure } from '../../src-shared/contract/errors';

export interface Keychain {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** True when there was an entry. */
  delete(account: string): Promise<boolean>;
  /** True when this account's key is held in memory for the session only (no OS keychain). */
  sessionOnly?(account: string): boolean;
}

export const KEYCHAIN_SERVICE = 'maas-console';

interface Keytar {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

function unusable(what: string, e: unknown): ConsoleFailure {
  const why = e instanceof Error ? e.message : String(e);
  return new ConsoleFailure('keychain',
    `The OS keychain could not ${what}: ${why}. API keys are kept only there, so nothing was saved elsewhere. ` +
    'On Linux a Secret Service (GNOME Keyring or KWallet) must be running and unlocked.');
}

export function osKeychain(service = KEYCHAIN_SERVICE, load: () => Promise<Keytar> = loadKeytar): Keychain {
  let keytar: Promise<Keytar> | null = null;
  const k = () => (keytar ??= load());
  return {
    async get(account) {
      try { return await (await k()).getPassword(service, account); } catch (e) { throw unusable('be read', e); }
    },
    async set(account, secret) {
      try {
        const kt = await k();
        await kt.setPassword(service, account, secret);
        // A locked or auto-created keyring may accept a write it cannot give back; check.
        if ((await kt.getPassword(service, account)) !== secret) throw new Error('the key written could not be read back');
      } catch (e) { throw unusable('store the key', e); }
    },
    async delete(account) {
      try { return await (await k()).deletePassword(service, account); } catch (e) { throw unusable('remove the key', e); }
    },
  };
}

async function loadKeytar(): Promise<Keytar> {
  const m = (await import('keytar')) as unknown as Keytar & { default?: Keytar };
  return m.default ?? m;
}

/** For unit tests of use-cases and for hosts with no keychain wanted (never for real keys). */
export function memoryKeychain(): Keychain & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    get: async (a) => entries.get(a) ?? null,
    set: async (a, s) => { entries.set(a, s); },
    delete: async (a) => entries.delete(a),
  };
}
