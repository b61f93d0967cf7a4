// Page object for the tags view: the table, the editor with its live preview, the save
// confirmation and the lshw explorer.
import { expect, type Locator, type Page } from '@playwright/test';

export class TagsPage {
  constructor(readonly page: Page) {}
  main() { return this.page.getByRole('main'); }
  table() { return this.page.getByRole('grid', { name: 'Tags' }); }
  tagButton(name: string) { return this.table().getByRole('button', { name, exact: true }); }
  definition() { return this.page.getByLabel(/^Definition/); }
  preview() { return this.page.getByRole('region', { name: 'Preview' }); }
  matched() { return this.page.getByTestId('preview-matched'); }
  gained() { return this.page.getByTestId('preview-gained'); }
  lost() { return this.page.getByTestId('preview-lost'); }
  detailsStatus() { return this.page.getByTestId('details-status'); }
  explorer() { return this.page.getByRole('region', { name: 'lshw explorer' }); }

  async open(url: string) {
    await this.page.goto(`${url}#/tags`);
    await expect(this.main().getByRole('heading', { level: 2, name: 'Tags' })).toBeVisible();
  }

  /** Waits for the preview of the current definition to finish. */
  async previewComplete(timeout = 60_000) {
    await expect(this.preview()).toHaveAttribute('data-phase', 'complete', { timeout });
  }

  async typeDefinition(text: string) {
    const field = this.definition();
    await field.fill('');
    await field.pressSequentially(text, { delay: 5 });
  }

  count(l: Locator): Promise<number> {
    return l.innerText().then((t) => Number(t.replace(/[^\d]/g, '')));
  }
}
