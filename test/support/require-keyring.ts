// Keychain tests need a real Secret Service. They fail (never skip) outside one, saying how.
import { execFileSync } from 'node:child_process';

export function requireKeyring(): void {
  if (process.env.MAAS_CONSOLE_TEST_KEYRING !== '1') {
    throw new Error('This test needs a real OS keychain. Run it inside test/with-keyring.sh, e.g. ' +
      '`test/with-keyring.sh npx vitest run test/integration/connections` (npm test wraps the whole suite in it). ' +
      'It needs the Debian packages dbus, gnome-keyring and libsecret-tools.');
  }
}

/** The secret the keychain holds for (service, account), read with libsecret's own CLI, not keytar. */
export function secretToolLookup(service: string, account: string): string | null {
  try {
    return execFileSync('secret-tool', ['lookup', 'service', service, 'account', account], { encoding: 'utf8' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('secret-tool is missing: install the Debian package libsecret-tools.');
    return null; // exit status 1: no such entry
  }
}
