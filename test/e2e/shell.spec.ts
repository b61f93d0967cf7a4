import { expect, test } from '@playwright/test';
import { startConsoleHost, type ConsoleHost } from '../support/console-host';
import { ShellPage } from './support/shell-page';

let host: ConsoleHost;
test.beforeAll(async () => { host = await startConsoleHost(); });
test.afterAll(async () => { await host.close(); });

const views = ['Inventory', 'Tags', 'Events', 'Connections', 'Capture'];

test('every view opens from the navigation, in both themes, with no console errors', async ({ page }) => {
  const shell = new ShellPage(page);
  await page.setViewportSize({ width: 1400, height: 860 });
  await page.goto(host.url);
  await expect(page.getByRole('status')).toBeVisible();
  await expect(page.getByText(/Browser host · v/)).toBeVisible();
  for (const theme of ['light', 'dark'] as const) {
    await shell.setTheme(theme);
    for (const v of views) {
      await shell.nav(v).click();
      await expect(shell.nav(v)).toHaveAttribute('aria-current', 'page');
      await expect(shell.main().getByRole('heading', { level: 2, name: v })).toBeVisible();
      await shell.shot(`${v.toLowerCase()}-${theme}`);
    }
  }
  expect(shell.errors).toEqual([]);
});

test('keyboard: Alt+digits, g-chords, arrows in the navigation, theme and help', async ({ page }) => {
  const shell = new ShellPage(page);
  await page.goto(host.url);
  await expect(shell.main().getByRole('heading', { name: 'Inventory' })).toBeVisible();
  await page.keyboard.press('Alt+3');
  await expect(shell.main().getByRole('heading', { name: 'Events' })).toBeVisible();
  await page.keyboard.press('g');
  await page.keyboard.press('c');
  await expect(shell.main().getByRole('heading', { name: 'Connections' })).toBeVisible();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(shell.main().getByRole('heading', { level: 2, name: 'Capture' })).toBeVisible();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(shell.main().getByRole('heading', { level: 1, name: 'Fleet' })).toBeVisible();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(shell.main().getByRole('heading', { name: 'Inventory' })).toBeVisible();
  await shell.nav('Inventory').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(shell.main().getByRole('heading', { name: 'Tags' })).toBeVisible();
  const before = await page.evaluate(() => document.documentElement.className);
  await page.keyboard.press('Alt+t');
  expect(await page.evaluate(() => document.documentElement.className)).not.toBe(before);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await shell.shot('shortcuts-dialog');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  expect(shell.errors).toEqual([]);
});

test('the open view and the theme survive a reload', async ({ page }) => {
  await page.goto(host.url);
  await page.keyboard.press('Alt+2');
  await new ShellPage(page).setTheme('dark');
  await page.reload();
  await expect(page.getByRole('main').getByRole('heading', { name: 'Tags' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.classList.contains('is-dark'))).toBe(true);
});

test('without the session token the page is refused', async ({ page }) => {
  const r = await page.goto(host.origin + '/');
  expect(r?.status()).toBe(403);
  await expect(page.getByText(/session token/)).toBeVisible();
});
