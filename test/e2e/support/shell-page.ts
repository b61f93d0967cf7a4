// Page object for the shell: navigation, theme, and a record of console errors.
import type { Page } from '@playwright/test';

export class ShellPage {
  readonly errors: string[] = [];
  constructor(readonly page: Page) {
    page.on('console', (m) => { if (m.type() === 'error') this.errors.push(m.text()); });
    page.on('pageerror', (e) => this.errors.push(e.message));
  }
  nav(label: string) { return this.page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: new RegExp(`^${label}`) }); }
  main() { return this.page.getByRole('main'); }
  async setTheme(theme: 'light' | 'dark') {
    const isDark = await this.page.evaluate(() => document.documentElement.classList.contains('is-dark'));
    if (isDark !== (theme === 'dark')) await this.page.getByRole('button', { name: /theme/ }).click();
  }
  async shot(name: string) { await this.page.screenshot({ path: `test-results/screenshots/${name}.png` }); }
}
