import { expect, test } from 'vitest';
import type { LoggedEvent } from '../../../src-shared/contract/events';
import { EventFilterSchema } from '../../../src-shared/contract/events';
import { emptyFilter, hasLocalPart, isBeforeRange, matcherOf, sameServerFilter, serverQueryOf } from '../../../src-shared/events/event-filter';

const ev = (o: Partial<LoggedEvent> = {}): LoggedEvent => ({
  id: 1, systemId: 'node-aaa', hostname: 'alpha', level: 'INFO', created: '', at: Date.UTC(2026, 10, 23, 9),
  type: 'Node changed status', description: 'From New to Commissioning', ...o,
});

test('level, nodes and zone go to the server; empty lists are left out', () => {
  expect(serverQueryOf(emptyFilter())).toEqual({ level: 'INFO' });
  expect(serverQueryOf({ ...emptyFilter(), minLevel: 'ERROR', hostnames: ['alpha'], systemIds: ['node-bbb'], zone: 'rack-12', text: 'x' }))
    .toEqual({ level: 'ERROR', hostname: ['alpha'], systemId: ['node-bbb'], zone: ['rack-12'] });
});

test('changing type, time or text needs no new server query; changing level does', () => {
  const a = emptyFilter();
  expect(sameServerFilter(a, { ...a, text: 'power', types: ['Node powered on'], from: 1 })).toBe(true);
  expect(sameServerFilter(a, { ...a, minLevel: 'DEBUG' })).toBe(false);
  expect(hasLocalPart(a)).toBe(false);
  expect(hasLocalPart({ ...a, text: '  ' })).toBe(false);
  expect(hasLocalPart({ ...a, to: 5 })).toBe(true);
});

test('type, time range and every word of the text must all match', () => {
  const f = { ...emptyFilter(), types: ['Node changed status'], from: Date.UTC(2026, 10, 23, 8), to: Date.UTC(2026, 10, 23, 10), text: 'ALPHA commission' };
  const m = matcherOf(f);
  expect(m(ev())).toBe(true);
  expect(m(ev({ type: 'Node powered on' }))).toBe(false);
  expect(m(ev({ at: Date.UTC(2026, 10, 23, 11) }))).toBe(false);
  expect(m(ev({ at: null }))).toBe(false);
  expect(m(ev({ hostname: 'bravo' }))).toBe(false);
  expect(m(ev({ description: 'Powered on' }))).toBe(false);
});

test('the local half re-checks what the server should have filtered', () => {
  const m = matcherOf({ ...emptyFilter(), minLevel: 'WARNING', hostnames: ['alpha'] });
  expect(m(ev({ level: 'ERROR' }))).toBe(true);
  expect(m(ev({ level: 'INFO' }))).toBe(false);
  expect(m(ev({ level: 'ERROR', hostname: 'bravo' }))).toBe(false);
});

test('reading back in time can stop once past the start of the range', () => {
  const f = { ...emptyFilter(), from: Date.UTC(2026, 10, 23, 9) };
  expect(isBeforeRange(ev({ at: Date.UTC(2026, 10, 23, 8) }), f)).toBe(true);
  expect(isBeforeRange(ev(), f)).toBe(false);
  expect(isBeforeRange(ev({ at: null }), f)).toBe(false);
});

test('the request schema fills defaults and refuses what MAAS would not take', () => {
  expect(EventFilterSchema.parse({})).toEqual(emptyFilter());
  expect(EventFilterSchema.safeParse({ minLevel: 'TRACE' }).success).toBe(false);
  expect(EventFilterSchema.safeParse({ hostnames: [''] }).success).toBe(false);
  expect(EventFilterSchema.safeParse({ extra: 1 }).success).toBe(false);
});
