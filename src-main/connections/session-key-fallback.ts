// On a headless box with no Secret Service (the web host on a server, CI) keys can be kept
// nowhere. "This laptop" is always allowed a session-only key: it is not a key to a remote
// server — the region makes a fresh one whenever asked. On the browser host, where a missing
// keychain is the usual case, remote servers' keys are held the same way: in this process's
// memory for the session, never written anywhere, with a warning saying so (a restart asks
// for them again). The desktop app keeps requiring the keychain for remote keys.
import { ConsoleFailure } from '../../src-shared/contract/errors';
import type { Keychain } from './keychain';

/** Which accounts may fall back to memory: one account (This laptop), or all of them. */
export type SessionAccounts = string | 'all';

export function withSessionFallback(keychain: Keychain, accounts: SessionAccounts, warn: (line: string) => void): Keychain {
  const session = new Map<string, string>();
  let warned = false;
  const covered = (a: string) => accounts === 'all' || a === accounts;
  const fallback = (e: unknown) => {
    if (!(e instanceof ConsoleFailure && e.code === 'keychain')) throw e;
    if (!warned) {
      warned = true;
      warn(accounts === 'all'
        ? `${e.message} API keys are kept in memory for this session only: after a restart, enter them again (Connections → Edit).`
        : `${e.message} The key of This laptop is kept in memory for this session only.`);
    }
  };
  return {
    sessionOnly: (a) => session.has(a),
    async get(a) {
      if (!covered(a)) return keychain.get(a);
      try { return (await keychain.get(a)) ?? session.get(a) ?? null; } catch (e) { fallback(e); return session.get(a) ?? null; }
    },
    async set(a, secret) {
      if (!covered(a)) return keychain.set(a, secret);
      try { await keychain.set(a, secret); } catch (e) { fallback(e); session.set(a, secret); }
    },
    async delete(a) {
      if (!covered(a)) return keychain.delete(a);
      const had = session.delete(a);
      try { return (await keychain.delete(a)) || had; } catch (e) { fallback(e); return had; }
    },
  };
}
