import { expect, test } from 'vitest';
import { shellAction, type KeyFacts } from '../../../src-renderer/src/lib/shortcuts';

const k = (key: string, o: Partial<KeyFacts> = {}): KeyFacts =>
  ({ key, alt: false, ctrl: false, meta: false, shift: false, inField: false, ...o });

test('Alt+digit opens a view, even while typing in a field', () => {
  expect(shellAction(k('1', { alt: true }), false)).toEqual({ kind: 'open', view: 'inventory' });
  expect(shellAction(k('4', { alt: true, inField: true }), false)).toEqual({ kind: 'open', view: 'connections' });
  expect(shellAction(k('5', { alt: true }), false)).toEqual({ kind: 'open', view: 'capture' });
  expect(shellAction(k('f'), true)).toEqual({ kind: 'open', view: 'capture' });
});

test('g then a letter opens a view; letters are ignored in fields', () => {
  expect(shellAction(k('g'), false)).toEqual({ kind: 'pending-g' });
  expect(shellAction(k('t'), true)).toEqual({ kind: 'open', view: 'tags' });
  expect(shellAction(k('t'), false)).toBeNull();
  expect(shellAction(k('g', { inField: true }), false)).toBeNull();
  expect(shellAction(k('?', { inField: true }), false)).toBeNull();
});

test('arrows, theme, help and escape', () => {
  expect(shellAction(k('ArrowDown', { alt: true }), false)).toEqual({ kind: 'step', by: 1 });
  expect(shellAction(k('ArrowUp', { alt: true }), false)).toEqual({ kind: 'step', by: -1 });
  expect(shellAction(k('T', { alt: true, shift: true }), false)).toEqual({ kind: 'theme' });
  expect(shellAction(k('?'), false)).toEqual({ kind: 'help' });
  expect(shellAction(k('Escape', { inField: true }), false)).toEqual({ kind: 'close' });
  expect(shellAction(k('1', { alt: true, ctrl: true }), false)).toBeNull();
});
