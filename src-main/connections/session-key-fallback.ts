// On a headless box with no Secret Service (the web host on a server, CI), "This laptop"
// would be unusable: its key can be kept nowhere. It is not a key to a remote server — the
// region makes a fresh one whenever asked — so for that one account, and only when the OS
// keychain fails, the key is held in this process's memory for the session and never
// written anywhere. Keys of remote servers still need the keychain (a clear error otherwise).
import { ConsoleFailure } from '../../src-shared/contract/errors';
import type { Keychain } from './keychain';

export function withSessionFallback(keychain: Keychain, account: string, warn: (line: string) => void): Keychain {
  let session: string | null = null;
  let warned = false;
  const fallback = (e: unknown) => {
    if (!(e instanceof ConsoleFailure && e.code === 'keychain')) throw e;
    if (!warned) {
      warned = true;
      warn(`${e.message} The key of This laptop is kept in memory for this session only.`);
    }
  };
  return {
    async get(a) {
      if (a !== account) return keychain.get(a);
      try { return (await keychain.get(a)) ?? session; } catch (e) { fallback(e); return session; }
    },
    async set(a, secret) {
      if (a !== account) return keychain.set(a, secret);
      try { await keychain.set(a, secret); } catch (e) { fallback(e); session = secret; }
    },
    async delete(a) {
      if (a !== account) return keychain.delete(a);
      const had = session !== null;
      session = null;
      try { return (await keychain.delete(a)) || had; } catch (e) { fallback(e); return had; }
    },
  };
}
