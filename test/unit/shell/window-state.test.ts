import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { defaultBounds, loadBounds, saveBounds } from '../../../src-main/window-state';

const screen = { x: 0, y: 0, width: 1920, height: 1080 };
const file = () => join(mkdtempSync(join(tmpdir(), 'ws-')), 'window-state.json');

test('size and position are remembered', () => {
  const f = file();
  saveBounds(f, { x: 100, y: 50, width: 1200, height: 800, maximized: false });
  expect(loadBounds(f, [screen])).toEqual({ x: 100, y: 50, width: 1200, height: 800, maximized: false });
});

test('a position on a screen that is gone is dropped, the size kept', () => {
  const f = file();
  saveBounds(f, { x: 3000, y: 50, width: 1200, height: 800 });
  expect(loadBounds(f, [screen])).toEqual({ width: 1200, height: 800, maximized: false });
});

test('a missing or broken file gives the defaults', () => {
  const f = file();
  expect(loadBounds(f, [screen])).toEqual(defaultBounds);
  writeFileSync(f, '{nope');
  expect(loadBounds(f, [screen])).toEqual(defaultBounds);
  writeFileSync(f, JSON.stringify({ width: 'x' }));
  expect(loadBounds(f, [screen])).toEqual(defaultBounds);
});
