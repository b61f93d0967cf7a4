import { expect, test } from 'vitest';
import { levelRank, meetsLevel } from '../../../src-shared/events/levels';
import { formatLocalTime, parseEventTime } from '../../../src-shared/events/event-time';

test('a minimum level passes that level and every higher one, as MAAS level= does', () => {
  expect(['DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL'].filter((l) => meetsLevel(l, 'WARNING')))
    .toEqual(['WARNING', 'ERROR', 'CRITICAL']);
  expect(meetsLevel('DEBUG', 'DEBUG')).toBe(true);
  expect(levelRank('critical')).toBeGreaterThan(levelRank('ERROR'));
});

test('AUDIT sits below DEBUG and is only ever matched exactly', () => {
  expect(meetsLevel('AUDIT', 'DEBUG')).toBe(false);
  expect(meetsLevel('AUDIT', 'AUDIT')).toBe(true);
  expect(meetsLevel('INFO', 'AUDIT')).toBe(false);
});

test("reads MAAS's created format and ISO times as UTC", () => {
  expect(parseEventTime('Thu, 29 Jan. 2015 10:52:12')).toBe(Date.UTC(2015, 0, 29, 10, 52, 12));
  expect(parseEventTime('Mon, 23 Nov. 2026 09:05:01')).toBe(Date.UTC(2026, 10, 23, 9, 5, 1));
  expect(parseEventTime('2026-11-23T09:05:01.250Z')).toBe(Date.UTC(2026, 10, 23, 9, 5, 1, 250));
  expect(parseEventTime('2026-11-23 09:05:01')).toBe(Date.UTC(2026, 10, 23, 9, 5, 1));
  expect(parseEventTime('yesterday')).toBeNull();
  expect(parseEventTime('Thu, 29 Foo. 2015 10:52:12')).toBeNull();
});

test('times are shown as a sortable local clock reading', () => {
  const t = new Date(2026, 10, 23, 9, 5, 1).getTime();
  expect(formatLocalTime(t)).toBe('2026-11-23 09:05:01');
});
