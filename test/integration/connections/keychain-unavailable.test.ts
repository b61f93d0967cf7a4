// With no Secret Service at all (no D-Bus session, no display): in the desktop app adding a
// connection fails with a clear keychain error; the browser host keeps the key in memory for
// the session, with a warning. Either way the key is written nowhere: not the settings
// database, not any other file. Runs the console in a child process whose environment has no bus.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, onTestFinished, test } from 'vitest';
import { machine } from '../../support/maas-replay-fixtures';
import { startReplayServer } from '../../support/maas-replay-server';

const SECRET = 'NoKeychainSecretValue42';

async function addWithoutKeychain(host: 'electron' | 'web') {
  const dir = mkdtempSync(join(tmpdir(), 'nokeychain-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const server = await startReplayServer({ api: '2.0', apiKey: `c:t:${SECRET}`, machines: [machine(1, 4)] });
  onTestFinished(() => server.close());
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: dir, XDG_RUNTIME_DIR: dir };
  delete env.DBUS_SESSION_BUS_ADDRESS;
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  const { stdout } = await promisify(execFile)(process.execPath,
    ['--import', 'tsx', 'test/support/add-connection-child.ts', join(dir, 'data'), server.root, `c:t:${SECRET}`, host], { env, timeout: 60_000 });
  const files: string[] = [];
  const walk = (d: string) => { for (const f of readdirSync(d)) { const p = join(d, f); if (statSync(p).isDirectory()) walk(p); else files.push(p); } };
  walk(dir);
  expect(files.some((f) => f.endsWith('settings.sqlite'))).toBe(true);
  for (const f of files) expect(readFileSync(f).toString('latin1'), f).not.toContain(SECRET);
  return JSON.parse(stdout) as { reply: unknown; list: { value: { name: string; healthMessage: string | null }[] } };
}

test('no keychain in the desktop app: a clear error, and the key is not written anywhere else', async () => {
  const { reply, list } = await addWithoutKeychain('electron');
  expect(reply).toMatchObject({ ok: false, error: { code: 'keychain', message: expect.stringMatching(/OS keychain could not store the key: .*nothing was saved elsewhere/) } });
  expect(JSON.stringify(reply)).not.toContain(SECRET);
  expect(list.value.map((c) => c.name)).toEqual(['This laptop']);
}, 90_000);

test('no keychain in the browser host: the key is held for the session only, and written nowhere', async () => {
  const { reply, list } = await addWithoutKeychain('web');
  expect(reply).toMatchObject({ ok: true });
  expect(JSON.stringify(reply)).not.toContain(SECRET);
  expect(list.value.map((c) => c.name)).toEqual(['This laptop', 'Lab']);
}, 90_000);
