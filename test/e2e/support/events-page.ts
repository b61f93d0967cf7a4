// Page object for the Events view and the node events panel.
import { expect, type Locator, type Page } from '@playwright/test';

export class EventsPage {
  constructor(readonly page: Page, readonly root: Locator = page.getByRole('main')) {}
  grid() { return this.root.getByRole('grid', { name: /events/i }).first(); }
  /** Data rows (the header row is the first row of the grid). */
  rows() { return this.grid().getByRole('rowgroup').getByRole('row'); }
  row(text: string | RegExp) { return this.rows().filter({ hasText: text }); }
  search() { return this.root.getByRole('searchbox', { name: 'Search events' }); }
  minLevel() { return this.root.getByRole('combobox', { name: 'Minimum level' }); }
  zone() { return this.root.getByRole('combobox', { name: 'Zone' }); }
  type() { return this.root.getByRole('combobox', { name: 'Event type' }); }
  nodeInput() { return this.root.getByRole('combobox', { name: 'Add node filter' }); }
  followToggle() { return this.root.getByRole('button', { name: /^(Following|Paused)/ }); }
  count() { return this.root.getByText(/\d[\d,]* shown/); }
  async levelsShown(): Promise<string[]> {
    return this.rows().locator('.event-level').allTextContents();
  }
  async nodesShown(): Promise<string[]> {
    return this.rows().locator('[role="gridcell"]:nth-child(4)').allTextContents();
  }
  async addNode(hostname: string) {
    await this.nodeInput().fill(hostname);
    await this.nodeInput().press('Enter');
    await expect(this.root.getByRole('button', { name: `Remove node ${hostname}` })).toBeVisible();
  }
  async exportAs(format: 'CSV' | 'NDJSON') {
    const download = this.page.waitForEvent('download');
    await this.root.getByRole('button', { name: `Export ${format}` }).click();
    return download;
  }
}
