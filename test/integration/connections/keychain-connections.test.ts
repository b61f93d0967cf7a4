// Connections with the real OS keychain (gnome-keyring on a private D-Bus, test/with-keyring.sh):
// the key is checked before anything is saved, lives in the keychain and in no file the
// console writes, leaves with its connection, and never comes back out through the contract.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';

// Real processes (the embedded region, gnome-keyring) on a shared 2-core machine.
vi.setConfig({ testTimeout: 60_000 });
import { composeConsole, type ComposedConsole } from '../../../src-main/console/compose';
import { createDispatcher } from '../../../src-main/ipc/dispatcher';
import { KEYCHAIN_SERVICE, osKeychain } from '../../../src-main/connections/keychain';
import { nodeRegionSpawner } from '../../../src-main/connections/embedded-region';
import { createConnections } from '../../../src-main/connections/index';
import { makeTestCertificates } from '../../support/test-certificates';
import { machine } from '../../support/maas-replay-fixtures';
import { startReplayServer, type ReplayServer } from '../../support/maas-replay-server';
import { writeMaascliDb } from '../../support/maascli-db';
import { requireKeyring, secretToolLookup } from '../../support/require-keyring';

beforeEach(() => requireKeyring());

const SECRET = 'QxS3cr3tT0kenSecretValue';
const KEY = `cKey1:tKey1:${SECRET}`;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => { for (const c of cleanups.splice(0).reverse()) await c(); });

async function setup(o: { cli?: { name: string; url: string; key: string | null }[]; tls?: { key: string; cert: string }; region?: boolean | 'real'; dataDir?: string } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'conn-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const server = await startReplayServer({ api: '2.0', apiKey: KEY, machines: [machine(1, 4)], tls: o.tls });
  cleanups.push(() => server.close());
  const cliFile = join(dir, 'home', '.maascli.db');
  if (o.cli) { mkdirSync(join(dir, 'home')); writeMaascliDb(cliFile, o.cli.map((p) => ({ ...p, url: p.url.replace('SERVER', server.root) }))); }
  const events: unknown[] = [];
  const logs: string[] = [];
  const composed: ComposedConsole = await composeConsole({
    host: 'web', version: 'test', dataDir: o.dataDir ?? join(dir, 'data'), openExternal: async () => false,
    spawnRegion: o.region === 'real' ? nodeRegionSpawner() : o.region ? nodeRegionSpawner('test/support/fake-region-process.ts') : undefined,
    emit: (name, payload) => { events.push({ name, payload }); }, cliProfileFiles: [cliFile],
  });
  cleanups.push(() => composed.close());
  const call = createDispatcher(composed.handlers, (l) => logs.push(l));
  return { dir, server, composed, call, events, logs, cliFile };
}

type Listed = { payload: { id: string; health: string; url: string }[] };
const laptopIn = (events: unknown[]) => (events.filter((e) => (e as { name: string }).name === 'connections.changed').at(-1) as Listed | undefined)
  ?.payload.find((c) => c.id === 'local');
/** This laptop once its region has started (or failed to): while it starts its health is 'unknown'. */
const waitLaptop = async (events: unknown[]) => {
  for (let i = 0; i < 600 && (laptopIn(events)?.health ?? 'unknown') === 'unknown'; i++) await new Promise((r) => setTimeout(r, 50));
  return laptopIn(events)!;
};

/** Every byte the console wrote under its data directory. */
function everythingWritten(dir: string): string {
  const out: string[] = [];
  const walk = (d: string) => { for (const f of readdirSync(d)) { const p = join(d, f); if (statSync(p).isDirectory()) walk(p); else out.push(readFileSync(p).toString('latin1')); } };
  walk(dir);
  return out.join('\n');
}

test('an added connection keeps its key in the keychain only, and never hands it back', async () => {
  const { dir, server, call, events, logs } = await setup();
  const r = await call('connections.add', { name: 'Lab', url: server.url, apiKey: KEY });
  expect(r.ok).toBe(true);
  const view = (r as { value: { id: string } }).value;
  expect(view).toMatchObject({ name: 'Lab', url: server.root, apiVersion: '2.0', maasVersion: '3.4.9', health: 'online', kind: 'remote' });
  expect(secretToolLookup(KEYCHAIN_SERVICE, view.id)).toBe(KEY);
  const list = await call('connections.list', {});
  expect(JSON.stringify([r, list, events])).not.toContain(SECRET);
  expect(events.at(-1)).toMatchObject({ name: 'connections.changed' });
  expect(everythingWritten(dir)).not.toContain(SECRET);
  expect(logs.join('\n')).not.toContain(SECRET);
  // The key in the keychain works: the connection's client signs with it.
  await call('connections.switch', { id: view.id });
  expect((await call('connections.health', {}) as { value: { id: string; health: string }[] }).value.find((c) => c.id === view.id)?.health).toBe('online');
});

test('a rejected key is not saved anywhere', async () => {
  const { dir, server, call } = await setup();
  const r = await call('connections.add', { name: 'Lab', url: server.root, apiKey: 'cKey1:tKey1:wrongWrongWrong' });
  expect(r).toMatchObject({ ok: false, error: { code: 'key-rejected', message: expect.stringMatching(/^Not saved: .*HTTP 401/) } });
  const list = (await call('connections.list', {}) as { value: { name: string }[] }).value;
  expect(list.map((c) => c.name)).toEqual(['This laptop']);
  expect(everythingWritten(dir)).not.toContain('wrongWrongWrong');
  expect(JSON.stringify(r)).not.toContain('wrongWrongWrong');
});

test('removing a connection removes its keychain entry; This laptop cannot be removed', async () => {
  const { server, call } = await setup();
  const id = ((await call('connections.add', { name: 'Lab', url: server.root, apiKey: KEY })) as { value: { id: string } }).value.id;
  await call('connections.switch', { id });
  expect(await call('connections.remove', { id })).toEqual({ ok: true, value: { removed: id } });
  expect(secretToolLookup(KEYCHAIN_SERVICE, id)).toBeNull();
  const list = (await call('connections.list', {}) as { value: { id: string; active: boolean }[] }).value;
  expect(list).toEqual([expect.objectContaining({ id: 'local', active: true })]);
  expect(await call('connections.remove', { id: 'local' })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
});

test('editing the key re-checks it before replacing the one in the keychain', async () => {
  const { server, call } = await setup();
  const id = ((await call('connections.add', { name: 'Lab', url: server.root, apiKey: KEY })) as { value: { id: string } }).value.id;
  expect(await call('connections.update', { id, apiKey: 'cKey1:tKey1:notTheRightOne' })).toMatchObject({ ok: false, error: { code: 'key-rejected' } });
  expect(secretToolLookup(KEYCHAIN_SERVICE, id)).toBe(KEY);
  expect(await call('connections.update', { id, name: 'Lab B' })).toMatchObject({ ok: true, value: { name: 'Lab B' } });
  expect(await call('connections.add', { name: 'lab b', url: server.root, apiKey: KEY })).toMatchObject({ ok: false, error: { code: 'conflict' } });
});

test('health follows the server: online, then offline when it stops', async () => {
  const { server, call } = await setup();
  const id = ((await call('connections.add', { name: 'Lab', url: server.root, apiKey: KEY })) as { value: { id: string } }).value.id;
  const before = (await call('connections.health', { id }) as { value: { health: string; lastReached: string }[] }).value[0];
  expect(before.health).toBe('online');
  await server.close();
  const after = (await call('connections.health', { id }) as { value: { health: string; lastReached: string; healthMessage: string }[] }).value[0];
  expect(after).toMatchObject({ health: 'offline', lastReached: before.lastReached });
  expect(after.healthMessage).toMatch(/Lab \(http:\/\/127\.0\.0\.1:\d+\/MAAS\/\): GET zones\/: cannot connect/);
});

test('MAAS CLI profiles are listed without keys, imported into the keychain, and can be blanked in the CLI file', async () => {
  const { dir, call, cliFile } = await setup({ cli: [
    { name: 'admin', url: 'SERVERapi/2.0/', key: KEY },
    { name: 'anon', url: 'SERVERapi/2.0/', key: null },
  ] });
  const listed = await call('connections.cliProfiles', {});
  expect(listed).toMatchObject({ ok: true, value: [
    { name: 'admin', hasKey: true, importedAs: null, source: cliFile },
    { name: 'anon', hasKey: false, importedAs: null },
  ] });
  expect(JSON.stringify(listed)).not.toContain(SECRET);
  const done = await call('connections.importCli', { names: ['admin', 'anon', 'nobody'], forgetInCli: true }) as { value: { name: string; ok: boolean; connection: { id: string } | null; error: string | null }[] };
  expect(done.value.map((x) => [x.name, x.ok])).toEqual([['admin', true], ['anon', false], ['nobody', false]]);
  const id = done.value[0].connection!.id;
  expect(secretToolLookup(KEYCHAIN_SERVICE, id)).toBe(KEY);
  expect(everythingWritten(join(dir, 'data'))).not.toContain(SECRET);
  // The CLI's own file no longer holds the key in plain text.
  const cli = new Database(cliFile, { readonly: true });
  const data = JSON.parse(String((cli.prepare("SELECT data FROM profiles WHERE name = 'admin'").get() as { data: string }).data));
  cli.close();
  expect(data.credentials).toBeNull();
  expect(readFileSync(cliFile).toString('latin1')).not.toContain(SECRET);
  expect((await call('connections.cliProfiles', {}) as { value: { importedAs: string | null }[] }).value[0].importedAs).toBe(id);
});

test('the OS keychain used directly: set, read back, delete', async () => {
  const k = osKeychain('maas-console-test');
  await k.set('acct', 'value-1');
  expect(await k.get('acct')).toBe('value-1');
  expect(secretToolLookup('maas-console-test', 'acct')).toBe('value-1');
  expect(await k.delete('acct')).toBe(true);
  expect(await k.get('acct')).toBeNull();
});

test('This laptop: the embedded region starts, its key goes to the keychain, a stale key is replaced', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'laptop-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const first = await setup({ region: true, dataDir });
  const local = await waitLaptop(first.events);
  expect(local).toMatchObject({ health: 'online', url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/MAAS\/$/), kind: 'embedded', apiVersion: '1.0' });
  const key1 = secretToolLookup(KEYCHAIN_SERVICE, 'local');
  expect(key1).toMatch(/^\w+:\w+:\w+$/);
  const nodes = await (await first.composed.connections.clientFor('local')).listNodes();
  expect(nodes.map((n) => n.statusName)).toEqual(['New', 'Ready']);
  expect(everythingWritten(dataDir)).not.toContain(key1!.split(':')[2]);
  await first.composed.close();
  // A new region process knows only its new key: the old one is rejected and replaced.
  const second = await setup({ region: true, dataDir });
  expect((await waitLaptop(second.events)).health).toBe('online');
  const key2 = secretToolLookup(KEYCHAIN_SERVICE, 'local');
  expect(key2).not.toBe(key1);
  expect(await (await second.composed.connections.clientFor()).listZones()).toHaveLength(2);
});

test('a self-signed server: test shows the certificate, the user pins it, add then works over verified TLS', async () => {
  const certs = makeTestCertificates();
  cleanups.push(() => certs.cleanup());
  const { server, call, dir } = await setup({ tls: certs.selfSigned });
  const tested = await call('connections.test', { url: server.root, apiKey: KEY }) as { value: { health: string; certificate: { fingerprint256: string; subject: string } } };
  expect(tested.value).toMatchObject({ health: 'tls', certificate: { subject: 'CN=maas-selfsigned.test' } });
  expect(server.requests).toHaveLength(0); // the key was not sent to an unverified server
  expect(await call('connections.add', { name: 'TLS lab', url: server.root, apiKey: KEY })).toMatchObject({ ok: false, error: { code: 'tls' } });
  const fp = tested.value.certificate.fingerprint256;
  const added = await call('connections.add', { name: 'TLS lab', url: server.root, apiKey: KEY, tls: { pinnedFingerprint: fp } });
  expect(added).toMatchObject({ ok: true, value: { health: 'online', tls: { pinnedFingerprint: fp, caFile: null } } });
  expect(everythingWritten(dir)).not.toContain(SECRET);
  const wrong = fp.replace(/^../, fp.startsWith('00') ? '11' : '00');
  expect(await call('connections.test', { url: server.root, apiKey: KEY, tls: { pinnedFingerprint: wrong } }))
    .toMatchObject({ ok: true, value: { health: 'tls', message: expect.stringMatching(/presents a different certificate/) } });
  expect(await call('connections.test', { url: server.root, apiKey: KEY, tls: { caFile: certs.ca.certFile } }))
    .toMatchObject({ ok: true, value: { health: 'tls' } });
});

test('This laptop with the real embedded region process: online, its key in the keychain, nodes listed', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'laptop-real-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const { composed, events } = await setup({ region: 'real', dataDir });
  const local = await waitLaptop(events);
  expect(local).toMatchObject({ health: 'online', apiVersion: '1.0', url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/MAAS\/$/) });
  const key = secretToolLookup(KEYCHAIN_SERVICE, 'local')!;
  expect(key).toMatch(/^[^:]+:[^:]+:[^:]+$/);
  const client = await composed.connections.clientFor('local');
  expect(await client.listNodes()).toEqual([]);
  expect((await client.listZones()).map((z) => z.name)).toContain('default');
  expect(everythingWritten(dataDir)).not.toContain(key.split(':')[2]);
});

test('ordinary calls keep health and "last reached" current, without a health check', async () => {
  const { server, call, composed, events } = await setup();
  const id = ((await call('connections.add', { name: 'Lab', url: server.root, apiKey: KEY })) as { value: { id: string } }).value.id;
  const client = await composed.connections.clientFor(id);
  expect(await client.listNodes()).toHaveLength(1);
  server.faults.push({ match: () => true, times: 10, kind: 'status', status: 401, body: 'Authorization Error' });
  await expect(client.listZones()).rejects.toMatchObject({ code: 'key-rejected' });
  expect(composed.connections.view(id)).toMatchObject({ health: 'key-rejected' });
  const pushed = events.at(-1) as { name: string; payload: { id: string; health: string }[] };
  expect(pushed.payload.find((c) => c.id === id)?.health).toBe('key-rejected');
  server.faults.length = 0;
  await server.close();
  await expect(client.listZones()).rejects.toMatchObject({ code: 'unreachable' });
  expect(composed.connections.view(id)).toMatchObject({ health: 'offline', healthMessage: expect.stringMatching(/cannot connect/) });
});

test('a private CA file trusted per connection, and a URL edit re-checked against the new server', async () => {
  const certs = makeTestCertificates();
  cleanups.push(() => certs.cleanup());
  const { server, call } = await setup({ tls: certs.signed });
  expect(await call('connections.add', { name: 'CA lab', url: server.root, apiKey: KEY })).toMatchObject({ ok: false, error: { code: 'tls' } });
  const added = await call('connections.add', { name: 'CA lab', url: server.root, apiKey: KEY, tls: { caFile: certs.ca.certFile } }) as { ok: boolean; value: { id: string } };
  expect(added).toMatchObject({ ok: true, value: { health: 'online', tls: { caFile: certs.ca.certFile, pinnedFingerprint: null } } });
  const other = await startReplayServer({ api: '1.0', apiKey: KEY, machines: [machine(9, 4)] });
  cleanups.push(() => other.close());
  const moved = await call('connections.update', { id: added.value.id, url: other.url, tls: {} });
  expect(moved).toMatchObject({ ok: true, value: { url: other.root, apiVersion: '1.0', tls: { caFile: null } } });
  expect(secretToolLookup(KEYCHAIN_SERVICE, added.value.id)).toBe(KEY);
});

test('a region process that dies is restarted, a few times, then left stopped with the reason', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'laptop-dies-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  process.env.FAKE_REGION_MODE = 'exit-when-signalled';
  cleanups.push(() => { delete process.env.FAKE_REGION_MODE; });
  const seen: { health: string; message: string | null }[] = [];
  const c = createConnections({
    dataDir, keychain: osKeychain(), cliProfileFiles: [], healthEveryMs: 0, regionRestartDelaysMs: [50, 50],
    spawnRegion: nodeRegionSpawner('test/support/fake-region-process.ts'),
    onChange: (list) => {
      const l = list.find((x) => x.id === 'local')!;
      seen.push({ health: l.health, message: l.healthMessage });
      // Each time it is seen online, its process dies.
      if (l.health === 'online' && process.env.FAKE_REGION_MODE) {
        try { process.kill(Number(readFileSync(join(dataDir, 'region', 'fake-region.pid'), 'utf8')), 'SIGUSR2'); } catch { /* already gone */ }
      }
    },
  });
  cleanups.push(() => c.close());
  await expect.poll(() => seen.at(-1)?.message ?? '', { timeout: 85_000 }).toMatch(/restarted 2 times in 10 minutes and is left stopped/);
  expect(seen.filter((s) => s.health === 'online')).toHaveLength(3);
  expect(seen.filter((s) => /exit code 9\); restarting it/.test(s.message ?? ''))).toHaveLength(2);
  // Checking it by hand starts it again.
  delete process.env.FAKE_REGION_MODE;
  expect((await c.service.health('local'))[0]).toMatchObject({ id: 'local', health: 'online' });
});

test('testing a saved connection with no key typed uses the key in its keychain entry', async () => {
  const { server, call } = await setup();
  const id = ((await call('connections.add', { name: 'Lab', url: server.root, apiKey: KEY })) as { value: { id: string } }).value.id;
  expect(await call('connections.test', { url: server.url, id })).toMatchObject({ ok: true, value: { health: 'online', apiVersion: '2.0' } });
  expect(await call('connections.test', { url: server.url })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
});
