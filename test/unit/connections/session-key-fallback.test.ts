import { expect, test } from 'vitest';
import { ConsoleFailure } from '../../../src-shared/contract/errors';
import { memoryKeychain, type Keychain } from '../../../src-main/connections/keychain';
import { withSessionFallback } from '../../../src-main/connections/session-key-fallback';

const broken: Keychain = {
  get: async () => { throw new ConsoleFailure('keychain', 'The OS keychain could not be read: no D-Bus.'); },
  set: async () => { throw new ConsoleFailure('keychain', 'The OS keychain could not be written: no D-Bus.'); },
  delete: async () => { throw new ConsoleFailure('keychain', 'The OS keychain could not be written: no D-Bus.'); },
};

test('with no keychain, only the embedded key is held for the session, with one warning', async () => {
  const warnings: string[] = [];
  const k = withSessionFallback(broken, 'local', (l) => warnings.push(l));
  expect(await k.get('local')).toBeNull();
  await k.set('local', 'c:t:s');
  expect(await k.get('local')).toBe('c:t:s');
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).not.toContain('c:t:s');
  await expect(k.set('remote-1', 'x:y:z')).rejects.toMatchObject({ code: 'keychain' });
  await expect(k.get('remote-1')).rejects.toMatchObject({ code: 'keychain' });
  expect(await k.delete('local')).toBe(true);
  expect(await k.get('local')).toBeNull();
});

test('with a working keychain, everything goes to it', async () => {
  const real = memoryKeychain();
  const k = withSessionFallback(real, 'local', () => { throw new Error('no warning expected'); });
  await k.set('local', 'a:b:c');
  expect(await real.get('local')).toBe('a:b:c');
  expect(await k.get('local')).toBe('a:b:c');
});

test('on the browser host, every key is held for the session when the keychain fails, with one warning', async () => {
  const warnings: string[] = [];
  const k = withSessionFallback(broken, 'all', (l) => warnings.push(l));
  await k.set('c-remote', 'x:y:z');
  await k.set('local', 'c:t:s');
  expect(await k.get('c-remote')).toBe('x:y:z');
  expect(await k.get('local')).toBe('c:t:s');
  expect(await k.get('c-other')).toBeNull();
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toMatch(/for this session only/);
  expect(warnings.join()).not.toContain('x:y:z');
  expect(await k.delete('c-remote')).toBe(true);
  expect(await k.get('c-remote')).toBeNull();
});
