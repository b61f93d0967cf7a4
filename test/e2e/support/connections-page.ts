// Page object for the Connections view and the header switcher.
import type { Page } from '@playwright/test';

export class ConnectionsPage {
  constructor(readonly page: Page) {}
  table() { return this.page.getByRole('table', { name: 'Connections' }); }
  row(name: string) { return this.table().getByRole('row').filter({ hasText: name }).first(); }
  switcher() { return this.page.getByLabel('Connection', { exact: true }); }
  async startAdding() { await this.page.getByRole('button', { name: 'Add connection' }).click(); }
  async fill(o: { name: string; url: string; key: string }) {
    await this.page.getByLabel('Name').fill(o.name);
    await this.page.getByLabel('URL').fill(o.url);
    await this.page.getByLabel('API key').fill(o.key);
  }
  test() { return this.page.getByRole('button', { name: 'Test', exact: true }).click(); }
  save() { return this.page.getByRole('button', { name: 'Save' }); }
  result() { return this.page.getByRole('status').first(); }
}
