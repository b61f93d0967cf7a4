// Page object for the Inventory view: the grid, search, selection, bulk dialog, detail.
import { expect, type Page } from '@playwright/test';

export class InventoryPage {
  constructor(readonly page: Page) {}
  grid() { return this.page.getByRole('grid', { name: 'Nodes' }); }
  search() { return this.page.getByRole('searchbox', { name: 'Search nodes' }); }
  count() { return this.page.locator('#inv-count'); }
  /** Node rows in the DOM (group headings left out). */
  renderedRows() { return this.grid().locator('.vtable__body [role="row"]:not(:has(.group-row))'); }
  dialog() { return this.page.getByRole('dialog'); }

  async waitLoaded(total: number) {
    await expect(this.count()).toContainText(`of ${total.toLocaleString('en-US')} nodes`, { timeout: 30_000 });
  }
  async filter(q: string) {
    await this.search().fill(q);
  }
  async shownCount(): Promise<number> {
    const t = (await this.count().locator('strong').textContent()) ?? '0';
    return Number(t.replace(/[^0-9]/g, ''));
  }
  async action(label: string) {
    await this.page.getByRole('button', { name: 'Take action…' }).click();
    await this.page.getByRole('menuitem', { name: label, exact: true }).click();
  }
  async pasteSelect(lines: string[]) {
    await this.page.getByRole('button', { name: 'Select by list…' }).click();
    await this.page.getByLabel('Hostnames, MAC addresses or system IDs, one per line').fill(lines.join('\n'));
    await this.dialog().getByRole('button', { name: 'Select' }).click();
  }
}
