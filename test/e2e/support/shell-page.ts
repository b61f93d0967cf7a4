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
    const [isDark, modal] = await this.page.evaluate(() => [document.documentElement.classList.contains('is-dark'), !!document.querySelector('dialog[open]')]);
    if (isDark === (theme === 'dark')) return;
    // A modal dialog keeps the header's button out of reach; the shortcut works everywhere.
    if (modal) await this.page.keyboard.press('Alt+t');
    else await this.page.getByRole('button', { name: /theme/ }).click();
  }
  async shot(name: string) { await this.page.screenshot({ path: `test-results/screenshots/${name}.png` }); }
}
