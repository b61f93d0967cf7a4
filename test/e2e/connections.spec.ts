// Connections in Chromium through the browser host: This laptop listed and online, a MAAS
// 2.x server added after a passing test, a self-signed server trusted only after its
// certificate was shown, switching in the header, removal — and the key never sent to the page.
import { expect, test } from '@playwright/test';
import { memoryKeychain } from '../../src-main/connections/index';
import { ConsoleFailure } from '../../src-shared/contract/errors';
import { startConsoleHost, type ConsoleHost } from '../support/console-host';
import { inProcessRegion, type InProcessRegion } from '../support/in-process-region';
import { seedNodes } from '../support/inventory-seed';
import { machine } from '../support/maas-replay-fixtures';
import { startReplayServer, type ReplayServer } from '../support/maas-replay-server';
import { makeTestCertificates, type TestCertificates } from '../support/test-certificates';
import { ConnectionsPage } from './support/connections-page';
import { ShellPage } from './support/shell-page';

const SECRET = 'e2eSecretTokenValue0123';
const KEY = `ck:tk:${SECRET}`;
let host: ConsoleHost;
let region: InProcessRegion;
let lab: ReplayServer;
let tlsLab: ReplayServer;
let certs: TestCertificates;
const keychain = memoryKeychain();

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  certs = makeTestCertificates();
  lab = await startReplayServer({ api: '2.0', apiKey: KEY, machines: [machine(1, 0), machine(2, 4)] });
  tlsLab = await startReplayServer({ api: '2.0', apiKey: KEY, machines: [machine(3, 4)], tls: certs.selfSigned });
  region = inProcessRegion((core) => { seedNodes(core, { count: 12 }); });
  host = await startConsoleHost({ spawnRegion: region.spawn, keychain });
  await expect.poll(() => host.composed.connections.list().find((c) => c.id === 'local')?.health, { timeout: 30_000 }).toBe('online');
});
test.afterAll(async () => { await host?.close(); await region?.close(); await lab?.close(); await tlsLab?.close(); certs?.cleanup(); });

test('add, test, trust, switch and remove connections; the key never reaches the page', async ({ page }) => {
  const shell = new ShellPage(page);
  const conns = new ConnectionsPage(page);
  const frames: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(String(f.payload))));
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(host.url);
  await shell.nav('Connections').click();
  await expect(conns.row('This laptop')).toContainText('Online');

  await conns.startAdding();
  await conns.fill({ name: 'Lab', url: lab.url, key: KEY });
  await expect(page.getByLabel('API key')).toHaveAttribute('type', 'password');
  await expect(conns.save()).toBeDisabled();
  await conns.test();
  await expect(page.getByText('Reached MAAS 3.4.9 (API 2.0); the key works.')).toBeVisible();
  await conns.save().click();
  await expect(conns.row('Lab')).toContainText('Online');
  await expect(conns.row('Lab')).toContainText(lab.root);

  await conns.startAdding();
  await conns.fill({ name: 'TLS lab', url: tlsLab.root, key: KEY });
  await conns.test();
  await expect(page.getByText(/The server's certificate is not trusted/)).toBeVisible();
  expect(tlsLab.requests).toHaveLength(0);
  await shell.shot('connections-certificate');
  await page.getByText('I have checked the fingerprint').click();
  await page.getByRole('button', { name: 'Trust this certificate' }).click();
  await expect(page.getByText(/Trusted certificate, SHA-256/)).toBeVisible();
  await expect(conns.save()).toBeEnabled();
  await conns.save().click();
  await expect(conns.row('TLS lab')).toContainText('Online');

  await conns.switcher().selectOption({ label: 'Lab · Online' });
  await expect(conns.row('Lab')).toContainText('active');
  expect(host.composed.connections.activeId()).toBe(host.composed.connections.list().find((c) => c.name === 'Lab')!.id);
  for (const theme of ['light', 'dark'] as const) {
    await shell.setTheme(theme);
    await shell.shot(`connections-${theme}`);
  }

  await page.getByRole('button', { name: 'Remove TLS lab' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove TLS lab' }).click();
  await expect(conns.row('TLS lab')).toHaveCount(0);
  expect([...keychain.entries.values()].filter((k) => k === KEY)).toHaveLength(1); // Lab's; TLS lab's went with it

  expect(frames.join('\n')).not.toContain(SECRET);
  expect(await page.content()).not.toContain(SECRET);
  expect(shell.errors).toEqual([]);
});

test('a bare host:port is accepted; a second connection to the same server is warned about', async ({ page }) => {
  const shell = new ShellPage(page);
  const conns = new ConnectionsPage(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${host.url}#/connections`);
  await expect(conns.row('Lab')).toContainText('Online');
  await conns.startAdding();
  const bare = lab.root.replace(/^http:\/\//, '').replace(/\/MAAS\/$/, '');
  expect(bare).toMatch(/^127\.0\.0\.1:\d+$/);
  await conns.fill({ name: 'Lab again', url: bare, key: KEY });
  await conns.test();
  await expect(page.getByText('Reached MAAS 3.4.9 (API 2.0); the key works.')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: '"Lab" already connects to this server' })).toContainText(lab.root);
  for (const theme of ['light', 'dark'] as const) { await shell.setTheme(theme); await shell.shot(`connections-same-server-${theme}`); }
  await conns.save().click();
  await expect(conns.row('Lab again')).toContainText(lab.root);
  expect(shell.errors).toEqual([]);
});

test('with no keychain on the browser host, a server key is kept for the session, and the page says so', async ({ page }) => {
  const noKeychain = {
    get: async () => { throw new ConsoleFailure('keychain', 'The OS keychain could not be read: no D-Bus session.'); },
    set: async () => { throw new ConsoleFailure('keychain', 'The OS keychain could not be written: no D-Bus session.'); },
    delete: async () => { throw new ConsoleFailure('keychain', 'The OS keychain could not be written: no D-Bus session.'); },
  };
  const bare = await startConsoleHost({ keychain: noKeychain });
  try {
    const shell = new ShellPage(page);
    const conns = new ConnectionsPage(page);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${bare.url}#/connections`);
    await conns.startAdding();
    await conns.fill({ name: 'Lab', url: lab.root, key: KEY });
    await conns.test();
    await conns.save().click();
    await expect(conns.row('Lab')).toContainText('Online');
    await expect(page.getByRole('status').filter({ hasText: 'its key is kept for this session only' })).toBeVisible();
    await expect(conns.row('Lab')).toContainText('key kept for this session only (no OS keychain)');
    await conns.switcher().selectOption({ label: 'Lab · Online' });
    await shell.nav('Inventory').click();
    await expect(page.locator('#inv-count')).toContainText('of 2 nodes');
    await shell.shot('connections-session-keys-light');
    expect(shell.errors).toEqual([]);
  } finally {
    await bare.close();
  }
});
