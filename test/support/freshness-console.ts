// A console whose active connection is a *remote* MAAS (the embedded region started on its
// own port, added through Connections like any server), for the freshness figures: a change
// made on the server by another client → shown in the grid, and the server stopped → the
// header says Offline, then started again → Online. Shared by the e2e test (that it happens)
// and the bench (how long it takes); the bench never asserts a time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { memoryKeychain } from '../../src-main/connections/index';
import { createMaasClient, type MaasClient } from '../../src-main/maas-client/index';
import { startRegion, type RunningRegion } from '../../src-main/region/start-region';
import { NodeStatus as S } from '../../src-shared/maas/index';
import { startConsoleHost, type ConsoleHost } from './console-host';
import { seedNodes } from './inventory-seed';

export interface FreshnessConsole {
  host: ConsoleHost;
  region: () => RunningRegion | null;
  maas: MaasClient;
  systemIds: string[];
  hostnames: string[];
  stopServer(): Promise<void>;
  startServer(): Promise<void>;
  close(): Promise<void>;
}

export const SERVER_NAME = 'Rack server';

export async function startFreshnessConsole(o: { nodes: number }): Promise<FreshnessConsole> {
  const regionDir = mkdtempSync(join(tmpdir(), 'fresh-region-'));
  const start = (port = 0) => startRegion({ dataDir: regionDir, port, keyStorage: 'file', tagEngine: null, log: () => undefined });
  let region: RunningRegion | null = await start();
  const port = region.port;
  const seeded = seedNodes(region.core, { count: o.nodes, statusOf: () => S.READY });
  const apiKey = region.createApiKey();
  const root = region.url.replace(/api\/1\.0\/$/, '');
  const maas = createMaasClient({ root, apiVersion: '1.0', apiKey, label: 'another client' });
  const host = await startConsoleHost({ keychain: memoryKeychain() });
  const added = await host.composed.connections.add({ name: SERVER_NAME, url: root, apiKey });
  host.composed.connections.switch(added.id);
  return {
    host, maas, region: () => region, systemIds: seeded.systemIds, hostnames: seeded.hostnames,
    async stopServer() { await region?.close(); region = null; },
    async startServer() { region = await start(port); },
    async close() {
      await maas.close();
      await host.close();
      await region?.close();
      rmSync(regionDir, { recursive: true, force: true });
    },
  };
}

// This module is type-checked without the DOM library: the page's document, typed as used.
interface PageText { textContent: string | null }
interface PageDoc { querySelector(s: string): PageText | null; querySelectorAll(s: string): Iterable<PageText> }
type InPage = typeof globalThis & { document: PageDoc };

const connectionShown = (page: Page, health: string) =>
  page.waitForFunction((h) => (globalThis as InPage).document.querySelector('#connection-switcher option:checked')?.textContent?.includes(h) ?? false,
    health, { timeout: 60_000, polling: 'raf' });

/** Marks a node broken through another client; ms until its row in the grid says Broken. */
export async function changeToVisibleMs(page: Page, f: FreshnessConsole, index: number): Promise<number> {
  const hostname = f.hostnames[index];
  await page.getByRole('searchbox', { name: 'Search nodes' }).fill(`hostname:=${hostname}`);
  await page.getByRole('grid', { name: 'Nodes' }).getByRole('row').filter({ hasText: hostname }).waitFor();
  const t0 = Date.now();
  await f.maas.markBroken(f.systemIds[index], 'bench');
  await page.waitForFunction((h) => [...(globalThis as InPage).document.querySelectorAll('[role="row"]')]
    .some((r) => (r.textContent ?? '').includes(h) && (r.textContent ?? '').includes('Broken')), hostname, { timeout: 60_000, polling: 'raf' });
  return Date.now() - t0;
}

/** Stops the server; ms until the header shows it Offline. Then starts it; ms until Online. */
export async function outageMs(page: Page, f: FreshnessConsole): Promise<{ offline: number; online: number }> {
  await connectionShown(page, 'Online');
  let t0 = Date.now();
  await f.stopServer();
  await connectionShown(page, 'Offline');
  const offline = Date.now() - t0;
  t0 = Date.now();
  await f.startServer();
  await connectionShown(page, 'Online');
  return { offline, online: Date.now() - t0 };
}
