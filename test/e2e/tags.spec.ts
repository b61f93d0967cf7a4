// The tags view against "This laptop" seeded with varied lshw: a definition typed streams
// its counts and gain/lose (checked against python3-lxml on the same documents), a syntax
// error is explained with where it is, saving asks first with the counts, and a click in
// the lshw explorer becomes a definition. Screenshots in both themes.
import { expect, test, type Page } from '@playwright/test';
import { lxmlMatches } from '../integration/xpath/lxml-reference';
import { EMBEDDED_ID } from '../../src-main/connections/index';
import { startTagsConsole, type TagsConsole } from '../support/tags-console';
import { SEEDED_TAGS } from '../support/tags-seed';
import { ShellPage } from './support/shell-page';
import { TagsPage } from './support/tags-page';

const NODES = 90;
let host: TagsConsole;
test.beforeAll(async () => { host = await startTagsConsole({ nodes: NODES, seed: 5 }); });
test.afterAll(async () => { await host?.close(); });

const INTEL = '//node[@class="processor"]/vendor = "Intel Corp."';

/** Lets theme transitions finish before a screenshot. */
const settled = (page: Page) => page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));

test('a typed definition streams its matches and gain/lose, exactly as MAAS would match', async ({ page }) => {
  test.setTimeout(180_000);
  const shell = new ShellPage(page);
  const tags = new TagsPage(page);
  await page.setViewportSize({ width: 1500, height: 1000 });
  await tags.open(host.url);
  await shell.setTheme('light');
  // Details are fetched once, with progress, into the console's cache.
  await expect(tags.detailsStatus()).toContainText(`Details of ${NODES} of ${NODES} nodes cached`, { timeout: 90_000 });
  await tags.tagButton(SEEDED_TAGS.amd.name).click();
  await expect(tags.definition()).toHaveValue(SEEDED_TAGS.amd.definition);
  await tags.previewComplete();

  const members = new Set(host.seeded.nodes.slice(0, Math.ceil(NODES / 3)).map((n) => n.systemId));
  const ref = await lxmlMatches([SEEDED_TAGS.amd.definition, INTEL], host.seeded.docs);
  const amd = new Set(ref.matches[SEEDED_TAGS.amd.definition]);
  expect(await tags.count(tags.matched())).toBe(amd.size);
  expect(await tags.count(tags.gained())).toBe([...amd].filter((id) => !members.has(id)).length);
  expect(await tags.count(tags.lost())).toBe([...members].filter((id) => !amd.has(id)).length);
  await settled(page);
  await shell.shot('tags-preview-light');

  await tags.typeDefinition(INTEL);
  await tags.previewComplete();
  expect(await tags.count(tags.matched())).toBe(ref.matches[INTEL].length);
  expect(shell.errors).toEqual([]);
});

test('a definition that does not compile is explained, with where it goes wrong', async ({ page }) => {
  const tags = new TagsPage(page);
  const shell = new ShellPage(page);
  await tags.open(host.url);
  await shell.setTheme('dark');
  await page.getByRole('button', { name: 'New tag' }).click();
  await tags.typeDefinition('//node[@class="processor"');
  const alert = page.getByRole('alert').filter({ hasText: 'Invalid xpath expression' });
  await expect(alert).toContainText('Invalid predicate');
  await expect(alert).toContainText('column 26');
  await expect(page.getByLabel('Where the definition goes wrong')).toContainText('^');
  await expect(page.getByRole('button', { name: 'Create tag…' })).toBeDisabled();
  await settled(page);
  await shell.shot('tags-invalid-dark');
  expect(shell.errors).toEqual([]);
});

test('saving asks for confirmation with the gain/lose counts, then the region re-tags', async ({ page }) => {
  test.setTimeout(120_000);
  const tags = new TagsPage(page);
  const shell = new ShellPage(page);
  await tags.open(host.url);
  await shell.setTheme('light');
  await tags.tagButton(SEEDED_TAGS.ssd.name).click();
  await tags.previewComplete();
  await tags.typeDefinition(INTEL);
  await tags.previewComplete();
  const gain = await tags.count(tags.gained());
  const lose = await tags.count(tags.lost());
  const matched = await tags.count(tags.matched());
  await page.getByRole('button', { name: 'Save changes…' }).click();
  const dialog = page.getByRole('dialog', { name: `Save tag ${SEEDED_TAGS.ssd.name}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('confirm-gain')).toHaveText(String(gain));
  await expect(dialog.getByTestId('confirm-lose')).toHaveText(String(lose));
  await settled(page);
  await shell.shot('tags-save-confirm-light');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  // MAAS rebuilds membership in the background: the count follows once the region is done.
  const row = tags.table().getByRole('row').filter({ has: page.getByRole('button', { name: SEEDED_TAGS.ssd.name, exact: true }) });
  await expect(row).toContainText(INTEL);
  // The count follows by itself (no Reload pressed).
  await expect(row.getByRole('gridcell').nth(1)).toHaveText(String(matched), { timeout: 60_000 });
  expect(shell.errors).toEqual([]);
});

test('the preview tabs only switch the list: a click or Enter on them saves nothing', async ({ page }) => {
  const tags = new TagsPage(page);
  const shell = new ShellPage(page);
  await tags.open(host.url);
  await tags.tagButton(SEEDED_TAGS.amd.name).click();
  await tags.previewComplete();
  await tags.typeDefinition(INTEL);
  await tags.previewComplete();
  const tabs = tags.preview().getByRole('tab');
  await tabs.filter({ hasText: 'Would gain' }).click();
  await expect(tabs.filter({ hasText: 'Would gain' })).toHaveAttribute('aria-selected', 'true');
  await tabs.filter({ hasText: 'Would lose' }).focus();
  await page.keyboard.press('Enter');
  await expect(tabs.filter({ hasText: 'Would lose' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await tabs.filter({ hasText: 'Matches' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // The server still has the definition it had: nothing was sent.
  const client = await host.composed.connections.clientFor(EMBEDDED_ID);
  const onServer = (await client.listTags()).find((t) => t.name === SEEDED_TAGS.amd.name);
  expect(onServer?.definition).toBe(SEEDED_TAGS.amd.definition);
  expect(shell.errors).toEqual([]);
});

test('the lshw explorer: search, a click gives an XPath and a definition, two nodes side by side', async ({ page }) => {
  test.setTimeout(120_000);
  const tags = new TagsPage(page);
  const shell = new ShellPage(page);
  await page.setViewportSize({ width: 1600, height: 1100 });
  await tags.open(host.url);
  await shell.setTheme('dark');
  await tags.tagButton(SEEDED_TAGS.amd.name).click();
  await tags.previewComplete();
  const explorer = tags.explorer();
  // Elements the definition points at are marked in the tree.
  await expect(explorer.locator('[data-marked]').first()).not.toHaveAttribute('data-marked', '0');
  const product = explorer.getByRole('button', { name: /^product = / }).first();
  await explorer.getByLabel('Search the details').fill('product');
  await expect(explorer.locator('.is-hit').first()).toBeVisible();
  await product.click();
  const suggestion = await explorer.getByTestId('explorer-definition').innerText();
  expect(suggestion).toMatch(/\/product = "/);
  await expect(explorer.getByTestId('explorer-xpath')).not.toBeEmpty();
  await explorer.getByRole('button', { name: 'Use as definition' }).click();
  await expect(tags.definition()).toHaveValue(suggestion);
  await tags.previewComplete();
  expect(await tags.count(tags.matched())).toBeGreaterThan(0);
  await explorer.getByLabel('Compare with').selectOption({ index: 2 });
  await expect(explorer.getByRole('region', { name: /^Details of / })).toHaveCount(2);
  await explorer.getByRole('region', { name: /^Details of / }).first().scrollIntoViewIfNeeded();
  await settled(page);
  await shell.shot('tags-explorer-dark');
  await shell.setTheme('light');
  await settled(page);
  await shell.shot('tags-explorer-light');
  expect(shell.errors).toEqual([]);
});

test('opened while This laptop is still starting, the view fills in once it is online', async ({ page }) => {
  test.setTimeout(120_000);
  const starting = await startTagsConsole({ nodes: 12, seed: 9, waitOnline: false });
  try {
    const tags = new TagsPage(page);
    await tags.open(starting.url);
    await expect(tags.tagButton(SEEDED_TAGS.amd.name)).toBeVisible({ timeout: 90_000 });
    await expect(tags.detailsStatus()).toContainText('Details of 12 of 12 nodes cached', { timeout: 60_000 });
  } finally {
    await starting.close();
  }
});

test('details missing or stale are fetched by themselves; the explorer opens on a node that has lshw', async ({ page }) => {
  test.setTimeout(120_000);
  const tags = new TagsPage(page);
  const shell = new ShellPage(page);
  await tags.open(host.url);
  await expect(tags.detailsStatus()).toContainText(`Details of ${NODES} of ${NODES} nodes cached`, { timeout: 90_000 });
  // Elsewhere: a node enlisted with no hardware details (it sorts first), another one broken.
  const client = await host.composed.connections.clientFor(EMBEDDED_ID);
  await client.createNode({ hostname: 'aaa-no-lshw', architecture: 'amd64/generic', macAddresses: ['52:54:00:ee:ee:01'] });
  await client.markBroken(host.seeded.nodes[0].systemId, 'fan');
  await page.reload();
  await expect(tags.detailsStatus()).toContainText(`Details of ${NODES + 1} of ${NODES + 1} nodes cached`, { timeout: 90_000 });
  // MAAS commissions a node an admin enlists: its details wait until that is done.
  await expect(tags.detailsStatus()).toContainText('1 being commissioned (fetched once done)');
  await expect(tags.detailsStatus()).not.toContainText('not fetched');
  await expect(page.getByRole('button', { name: /^Fetch \d/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'New tag' }).click();
  const pane = tags.explorer().getByRole('region', { name: /^Details of / });
  await expect(pane).toBeVisible();
  await expect(pane).not.toHaveAttribute('aria-label', 'Details of aaa-no-lshw');
  await expect(pane.getByRole('button').first()).toBeVisible();
  for (const theme of ['light', 'dark'] as const) { await shell.setTheme(theme); await settled(page); await shell.shot(`tags-new-explorer-${theme}`); }
  expect(shell.errors).toEqual([]);
});
