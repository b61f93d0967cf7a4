// The Events view against the embedded region running as its own process: actions taken on
// the region arrive live; level and node filters; follow/pause; CSV and NDJSON export.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { createMaasClient, type MaasClient } from '../../src-main/maas-client/index';
import { startEventsConsole, type EventsConsole } from '../support/events-console';
import { EventsPage } from './support/events-page';
import { ShellPage } from './support/shell-page';

let host: EventsConsole;
let maas: MaasClient;
let dataDir: string;
test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'e2e-events-'));
  host = await startEventsConsole({ dataDir, seed: { nodes: 6, events: 60 } });
  maas = createMaasClient({ root: host.regionRoot, apiVersion: '1.0', apiKey: host.apiKey });
});
test.afterAll(async () => {
  await maas?.close();
  await host?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Both themes, once the theme's colour transitions have settled. */
async function shots(shell: ShellPage, name: string) {
  for (const theme of ['light', 'dark'] as const) {
    await shell.setTheme(theme);
    await shell.page.waitForTimeout(400);
    await shell.shot(`${name}-${theme}`);
  }
}

async function open(page: import('@playwright/test').Page) {
  const shell = new ShellPage(page);
  await page.setViewportSize({ width: 1400, height: 860 });
  await page.goto(`${host.url}#/events`);
  const events = new EventsPage(page);
  await expect(events.rows().first()).toBeVisible();
  return { shell, events };
}

test('actions on the embedded region arrive live, newest on top; pause holds them back', async ({ page }) => {
  const { shell, events } = await open(page);
  await expect(page.getByRole('main').getByText('This laptop · live')).toBeVisible();
  const [a, b, c] = host.nodes;

  await maas.createTag({ name: 'e2e-live' });
  await maas.updateTagNodes('e2e-live', { add: [a.systemId] });
  await expect(events.rows().first()).toContainText("Tag 'e2e-live' added");
  await expect(events.rows().first()).toContainText(a.hostname);

  await maas.markBroken(b.systemId, 'PSU fan');
  await expect(events.rows().first()).toContainText("to 'Broken'");
  await expect(events.rows().first()).toContainText(b.hostname);
  await shots(shell, 'events-live');

  await events.followToggle().click();
  await expect(events.followToggle()).toHaveText(/Paused/);
  await maas.updateTagNodes('e2e-live', { add: [c.systemId] });
  await expect(events.followToggle()).toHaveText(/1 new/);
  await expect(events.row(c.hostname).filter({ hasText: 'e2e-live' })).toHaveCount(0);
  await events.followToggle().click();
  await expect(events.rows().first()).toContainText(c.hostname);
  await expect(events.followToggle()).toHaveText('Following');
  expect(shell.errors).toEqual([]);
});

test('filter by minimum level, zone and node, on the server; by text, locally', async ({ page }) => {
  const { shell, events } = await open(page);
  await events.minLevel().selectOption('ERROR');
  await expect.poll(async () => [...new Set(await events.levelsShown())]).toEqual(['ERROR']);
  await events.minLevel().selectOption('WARNING');
  await expect.poll(async () => [...new Set(await events.levelsShown())].sort()).toEqual(['ERROR', 'WARNING']);
  await events.minLevel().selectOption('DEBUG');
  await expect(events.rows().filter({ hasText: 'DEBUG' }).first()).toBeVisible();

  const inRack = new Set(host.nodes.filter((n) => n.zone === 'rack-12').map((n) => n.hostname));
  await events.zone().selectOption('rack-12');
  await expect.poll(async () => (await events.nodesShown()).every((h) => inRack.has(h))).toBe(true);
  expect((await events.nodesShown()).length).toBeGreaterThan(0);
  await events.zone().selectOption('');

  const node = host.nodes[3];
  await events.addNode(node.hostname);
  await expect(events.rows().first()).toContainText(node.hostname);
  await expect.poll(async () => [...new Set(await events.nodesShown())]).toEqual([node.hostname]);

  await events.search().fill('power state: on');
  await expect(events.rows().first()).toContainText('Power state: on');
  for (const d of await events.rows().locator('[role="gridcell"]:nth-child(5)').allTextContents()) expect(d).toBe('Power state: on');
  await shots(shell, 'events-filtered');
  expect(shell.errors).toEqual([]);
});

test('exports the filtered events as CSV and NDJSON', async ({ page }) => {
  const { shell, events } = await open(page);
  await events.minLevel().selectOption('WARNING');
  await expect.poll(async () => [...new Set(await events.levelsShown())].sort()).toEqual(['ERROR', 'WARNING']);
  await expect(events.count()).toHaveText(/whole history/);
  const shown = await events.rows().count();

  const csvFile = await events.exportAs('CSV');
  expect(csvFile.suggestedFilename()).toMatch(/^maas-events-this-laptop-.*\.csv$/);
  const csv = Papa.parse<Record<string, string>>(readFileSync(await csvFile.path(), 'utf8').trim(), { header: true });
  expect(csv.errors).toEqual([]);
  expect(csv.meta.fields).toEqual(['id', 'time', 'level', 'type', 'hostname', 'system_id', 'description', 'created']);
  expect(csv.data.length).toBe(shown);
  expect(new Set(csv.data.map((r) => r.level))).toEqual(new Set(['WARNING', 'ERROR']));
  await expect(page.getByText(`Exported ${shown} events.`)).toBeVisible();

  const ndFile = await events.exportAs('NDJSON');
  expect(ndFile.suggestedFilename()).toMatch(/\.ndjson$/);
  const lines = readFileSync(await ndFile.path(), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
  expect(lines.map((l) => l.id)).toEqual(csv.data.map((r) => Number(r.id)));
  expect(lines.every((l) => l.level === 'WARNING' || l.level === 'ERROR')).toBe(true);
  expect(shell.errors).toEqual([]);
});

test('the node detail shows that node\'s events, live', async ({ page }) => {
  const shell = new ShellPage(page);
  await page.setViewportSize({ width: 1400, height: 860 });
  await page.goto(`${host.url}#/inventory`);
  const node = host.nodes[4];
  await page.getByRole('searchbox', { name: 'Search nodes' }).fill(`id:${node.systemId}`);
  await page.getByRole('grid', { name: 'Nodes' }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const detail = page.getByRole('complementary');
  await expect(detail.getByRole('heading', { name: node.hostname })).toBeVisible();
  await detail.getByRole('tab', { name: 'Events' }).click();
  const panel = new EventsPage(page, detail.getByRole('region', { name: 'Node events' }));
  await expect(panel.rows().first()).toBeVisible();
  await maas.createTag({ name: 'e2e-panel' });
  await maas.updateTagNodes('e2e-panel', { add: [node.systemId, host.nodes[5].systemId] });
  await expect(panel.rows().first()).toContainText("Tag added to node — Tag 'e2e-panel' added");
  await expect(panel.rows().filter({ hasText: 'e2e-panel' })).toHaveCount(1);
  await panel.grid().scrollIntoViewIfNeeded();
  await shots(shell, 'events-node-panel');
  expect(shell.errors).toEqual([]);
});

test('a node name in the log links to that node: the inventory opens with its panel', async ({ page }) => {
  const { shell, events } = await open(page);
  const link = events.rows().first().getByRole('link');
  const hostname = (await link.textContent())!.trim();
  await link.click();
  await expect(page).toHaveURL(/#\/inventory$/);
  await expect(page.getByRole('complementary').getByRole('heading', { level: 2, name: hostname })).toBeVisible();
  expect(shell.errors).toEqual([]);
});
