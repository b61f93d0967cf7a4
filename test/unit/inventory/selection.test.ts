import { describe, expect, test } from 'vitest';
import { clickRow, emptySelection, keyRow, pruneSelection, selectAll, type Selection } from '../../../src-shared/inventory/selection';

const order = ['a', 'b', 'c', 'd', 'e', 'f'];
const sel = (s: Selection) => [...s.selected].sort();

describe('selection by mouse', () => {
  test('click selects one; Ctrl/Cmd toggles; Shift selects the range from the anchor', () => {
    let s = clickRow(emptySelection, order, 'b');
    expect(sel(s)).toEqual(['b']);
    s = clickRow(s, order, 'e', { shift: true });
    expect(sel(s)).toEqual(['b', 'c', 'd', 'e']);
    // a second Shift+click re-draws from the same anchor, upwards this time
    s = clickRow(s, order, 'a', { shift: true });
    expect(sel(s)).toEqual(['a', 'b']);
    s = clickRow(s, order, 'f', { toggle: true });
    expect(sel(s)).toEqual(['a', 'b', 'f']);
    s = clickRow(s, order, 'a', { toggle: true });
    expect(sel(s)).toEqual(['b', 'f']);
    expect(s.anchor).toBe('a');
  });

  test('Ctrl+Shift adds the range to what is selected', () => {
    let s = clickRow(emptySelection, order, 'a');
    s = clickRow(s, order, 'd', { toggle: true });
    s = clickRow(s, order, 'f', { toggle: true, shift: true });
    expect(sel(s)).toEqual(['a', 'd', 'e', 'f']);
  });
});

describe('selection by keyboard', () => {
  test('arrows move and select, Shift+arrows extend, Space toggles, Escape clears', () => {
    let s = keyRow(emptySelection, order, 'ArrowDown');
    expect(s.focus).toBe('a');
    s = keyRow(s, order, 'ArrowDown');
    expect(sel(s)).toEqual(['b']);
    s = keyRow(s, order, 'ArrowDown', { shift: true });
    s = keyRow(s, order, 'ArrowDown', { shift: true });
    expect(sel(s)).toEqual(['b', 'c', 'd']);
    s = keyRow(s, order, 'End', { toggle: true });
    expect(s.focus).toBe('f');
    expect(sel(s)).toEqual(['b', 'c', 'd']);
    s = keyRow(s, order, ' ');
    expect(sel(s)).toEqual(['b', 'c', 'd', 'f']);
    s = keyRow(s, order, 'Escape');
    expect(sel(s)).toEqual([]);
  });

  test('Home, PageDown and the ends of the list', () => {
    let s = keyRow(emptySelection, order, 'PageDown', {}, 4);
    expect(s.focus).toBe('e');
    s = keyRow(s, order, 'PageDown', {}, 4);
    expect(s.focus).toBe('f');
    s = keyRow(s, order, 'Home');
    expect(s.focus).toBe('a');
    s = keyRow(s, order, 'ArrowUp');
    expect(s.focus).toBe('a');
    expect(keyRow(s, [], 'ArrowDown')).toBe(s);
  });
});

test('select all replaces; prune drops ids that are gone and keeps identity otherwise', () => {
  const s = selectAll(['a', 'c'], emptySelection);
  expect(sel(s)).toEqual(['a', 'c']);
  expect(pruneSelection(s, () => true)).toBe(s);
  expect(sel(pruneSelection(s, (id) => id !== 'c'))).toEqual(['a']);
});
