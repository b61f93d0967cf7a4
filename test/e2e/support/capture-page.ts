// The Capture view (the field kit), opened the way a technician does: its shortcut, Alt+5.
import { expect, type Page } from '@playwright/test';
import { ShellPage } from './shell-page';

export async function openCapture(page: Page, url: string, o: { shell?: ShellPage; height?: number } = {}): Promise<ShellPage> {
  const shell = o.shell ?? new ShellPage(page);
  await page.setViewportSize({ width: 1400, height: o.height ?? 1000 });
  await page.goto(url);
  await page.keyboard.press('Alt+5');
  await expect(shell.main().getByRole('heading', { level: 2, name: 'Capture' })).toBeVisible();
  return shell;
}
