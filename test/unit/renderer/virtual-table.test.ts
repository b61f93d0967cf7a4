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

test('recycling rows: a small scroll keeps every row element and rewrites only the rows that left the window', async () => {
  const rows = Array.from({ length: 5000 }, (_, i) => ({ id: `n${i}`, name: `node-${i}` }));
  const scrollBy = async (grid: HTMLElement, rowsDown: number) => {
    grid.scrollTop = 28 * rowsDown;
    grid.dispatchEvent(new Event('scroll'));
    await new Promise((r) => setTimeout(r, 0));
  };
  const byRowIndex = (els: Element[]) => [...els].sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')));
  for (const recycle of [true, false]) {
    const { container, unmount } = render(VirtualTableHarness, { rows, recycle });
    const grid = container.querySelector<HTMLElement>('[role="grid"]')!;
    await scrollBy(grid, 20); // past the overscan, so the window moves
    const before = [...container.querySelectorAll('.vtable__body [role="row"]')];
    const textBefore = new Map(before.map((el) => [el, el.textContent]));
    await scrollBy(grid, 24);
    const after = [...container.querySelectorAll('.vtable__body [role="row"]')];
    const kept = after.filter((el) => before.includes(el)).length;
    // Recycled: the same elements, 4 of them now showing the 4 rows that entered. Keyed: the rows that left were removed.
    if (recycle) {
      expect(kept).toBe(after.length);
      expect(after.filter((el) => el.textContent !== textBefore.get(el)).length).toBe(4);
    } else expect(kept).toBe(after.length - 4);
    const shown = byRowIndex(after);
    expect(shown[0].textContent?.trim()).toBe(`node-${24 - 8}`);
    expect(shown[0].getAttribute('aria-rowindex')).toBe(String(24 - 8 + 2));
    // Every row of the window is there once, in order of aria-rowindex.
    expect(shown.map((el) => el.textContent?.trim())).toEqual(Array.from({ length: shown.length }, (_, i) => `node-${16 + i}`));
    unmount();
  }
});
