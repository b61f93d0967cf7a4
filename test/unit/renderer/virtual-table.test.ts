import { render } from '@testing-library/svelte';
import { expect, test } from 'vitest';
import VirtualTableHarness from './VirtualTableHarness.svelte';

test('5,000 rows render fewer than 100 row elements', () => {
  const rows = Array.from({ length: 5000 }, (_, i) => ({ id: `n${i}`, name: `node-${i}` }));
  const { container } = render(VirtualTableHarness, { rows });
  const rendered = container.querySelectorAll('[role="row"]');
  expect(rendered.length).toBeGreaterThan(10);
  expect(rendered.length).toBeLessThan(100);
  expect(container.querySelector('[role="grid"]')?.getAttribute('aria-rowcount')).toBe('5001');
  expect(container.textContent).toContain('node-0');
  expect(container.textContent).not.toContain('node-4999');
});

test('scrolling shows the rows at that position, keyed by id', async () => {
  const rows = Array.from({ length: 5000 }, (_, i) => ({ id: `n${i}`, name: `node-${i}` }));
  const { container } = render(VirtualTableHarness, { rows });
  const grid = container.querySelector<HTMLElement>('[role="grid"]')!;
  grid.scrollTop = 28 * 3000;
  grid.dispatchEvent(new Event('scroll'));
  await Promise.resolve();
  await new Promise((r) => setTimeout(r, 0));
  expect(container.textContent).toContain('node-3000');
  expect(container.textContent).not.toContain('node-0 ');
  expect(container.querySelectorAll('[role="row"]').length).toBeLessThan(100);
});
