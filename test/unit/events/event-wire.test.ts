// The packed form of a run of events (main → window): the same events back, field for field,
// in about half the JSON; a packing that does not add up is refused, not misread.
import { expect, test } from 'vitest';
import type { LoggedEvent } from '../../../src-shared/contract/events';
import { packEvents, unpackEvents } from '../../../src-shared/events/event-wire';

const events: LoggedEvent[] = Array.from({ length: 5000 }, (_, i) => ({
  id: 100_000 - i, systemId: `n${String(i % 200).padStart(5, '0')}`, hostname: `node-${i % 200}`, level: ['INFO', 'DEBUG', 'WARNING'][i % 3],
  created: `Thu, 29 Jan. 2015 10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
  type: ['Node changed status', 'Powering on', 'Tag added to node'][i % 3], description: i % 7 ? `From 'Ready' to 'Deploying' — ünïcode ${i % 13}` : '',
  at: i % 11 ? 1_422_528_732_000 + i * 1000 : null,
}));

test('packed and unpacked, every event comes back field for field, through JSON', () => {
  const back = unpackEvents(JSON.parse(JSON.stringify(packEvents(events))));
  expect(back).toEqual(events);
  expect(unpackEvents(packEvents([]))).toEqual([]);
});

test('a run of events packs to at most 60% of its JSON', () => {
  expect(JSON.stringify(packEvents(events)).length).toBeLessThan(JSON.stringify(events).length * 0.6);
});

test('a packing that does not add up is refused', () => {
  const p = packEvents(events.slice(0, 2));
  expect(() => unpackEvents({ ...p, rows: p.rows.slice(1) })).toThrow(/not a whole number of events/);
  expect(() => unpackEvents({ ...p, strings: p.strings.slice(0, 1) })).toThrow(/no string/);
});
