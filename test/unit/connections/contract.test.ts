// The Connections channels refuse malformed requests before any use-case runs, and the
// answers of the read channels carry no key.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, onTestFinished, test } from 'vitest';
import { memoryKeychain } from '../../../src-main/connections/keychain';
import { composeConsole } from '../../../src-main/console/compose';
import { createDispatcher } from '../../../src-main/ipc/dispatcher';

async function dispatcher() {
  const dataDir = mkdtempSync(join(tmpdir(), 'conn-contract-'));
  const keychain = memoryKeychain();
  const composed = await composeConsole({ host: 'web', version: 't', dataDir, emit: () => {}, openExternal: async () => false, keychain, cliProfileFiles: [] });
  onTestFinished(async () => { await composed.close(); rmSync(dataDir, { recursive: true, force: true }); });
  return { call: createDispatcher(composed.handlers), keychain };
}

test.each([
  ['connections.add', { name: '', url: 'http://m/MAAS/', apiKey: 'a:b:c' }, 'name'],
  ['connections.add', { name: 'x'.repeat(101), url: 'http://m/MAAS/', apiKey: 'a:b:c' }, 'name'],
  ['connections.add', { name: 'Lab', url: 'http://m/MAAS/', apiKey: 'a:b:c', extra: 1 }, '(request)'],
  ['connections.test', { url: 'http://m/MAAS/', apiKey: 'a:b:c', tls: { pinnedFingerprint: 'AB:CD' } }, 'tls.pinnedFingerprint'],
  ['connections.importCli', { names: [] }, 'names'],
  ['connections.switch', {}, 'id'],
] as const)('%s refuses %j', async (channel, req, path) => {
  const { call } = await dispatcher();
  const r = await call(channel, req);
  expect(r).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  expect((r as { error: { issues: { path: string }[] } }).error.issues.map((i) => i.path)).toContain(path);
});

test('a malformed key or URL is bad input, and nothing reaches the keychain', async () => {
  const { call, keychain } = await dispatcher();
  expect(await call('connections.add', { name: 'Lab', url: 'http://127.0.0.1:9/MAAS/', apiKey: 'not-a-key' }))
    .toMatchObject({ ok: false, error: { code: 'bad-input', message: expect.stringMatching(/three parts/) } });
  expect(await call('connections.test', { url: 'http://[maas', apiKey: 'a:b:c' }))
    .toMatchObject({ ok: false, error: { code: 'bad-input', message: expect.stringMatching(/not a URL/) } });
  expect(keychain.entries.size).toBe(0);
  expect(await call('connections.switch', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  expect(await call('connections.list', {})).toMatchObject({ ok: true, value: [{ id: 'local', name: 'This laptop', kind: 'embedded', active: true }] });
});
