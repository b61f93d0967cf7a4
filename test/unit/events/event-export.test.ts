import Papa from 'papaparse';
import { expect, test } from 'vitest';
import type { LoggedEvent } from '../../../src-shared/contract/events';
import { exportFilename, toCsv, toNdjson } from '../../../src-shared/events/event-export';

const events: LoggedEvent[] = [
  { id: 7, systemId: 'node-aaa', hostname: 'alpha', level: 'ERROR', created: 'Mon, 23 Nov. 2026 09:05:01',
    at: Date.UTC(2026, 10, 23, 9, 5, 1), type: 'Failed to power on node', description: 'BMC said "no", then\nhung up, twice' },
  { id: 6, systemId: 'node-bbb', hostname: 'bravo', level: 'INFO', created: '??', at: null,
    type: 'Node changed status', description: '=HYPERLINK("http://evil")' },
];

test('CSV round-trips through a CSV parser, quotes and newlines intact', () => {
  const csv = toCsv(events);
  const parsed = Papa.parse<string[]>(csv.trimEnd(), { newline: '\r\n' });
  expect(parsed.errors).toEqual([]);
  expect(parsed.data[0]).toEqual(['id', 'time', 'level', 'type', 'hostname', 'system_id', 'description', 'created']);
  expect(parsed.data[1]).toEqual(['7', '2026-11-23T09:05:01.000Z', 'ERROR', 'Failed to power on node', 'alpha', 'node-aaa',
    'BMC said "no", then\nhung up, twice', 'Mon, 23 Nov. 2026 09:05:01']);
  expect(parsed.data).toHaveLength(3);
});

test('a description that looks like a formula cannot run in a spreadsheet', () => {
  const row = Papa.parse<string[]>(toCsv(events).trimEnd(), { newline: '\r\n' }).data[2];
  expect(row[6]).toBe(`'=HYPERLINK("http://evil")`);
  expect(row[1]).toBe('');
});

test('NDJSON is one JSON object per line, newest first, nothing escaped for spreadsheets', () => {
  const lines = toNdjson(events).split('\n');
  expect(lines.at(-1)).toBe('');
  const [a, b] = lines.slice(0, -1).map((l) => JSON.parse(l));
  expect(a).toEqual({ id: 7, time: '2026-11-23T09:05:01.000Z', level: 'ERROR', type: 'Failed to power on node', hostname: 'alpha',
    system_id: 'node-aaa', description: 'BMC said "no", then\nhung up, twice', created: 'Mon, 23 Nov. 2026 09:05:01' });
  expect(b).toMatchObject({ id: 6, time: null, description: '=HYPERLINK("http://evil")' });
});

test('file names carry the connection and the moment, nothing a file system minds', () => {
  expect(exportFilename('Lab: Row 3 / MAAS', new Date(Date.UTC(2026, 10, 23, 11, 7, 30, 123)), 'csv'))
    .toBe('maas-events-lab-row-3-maas-2026-11-23T11-07-30Z.csv');
  expect(exportFilename('☃', new Date(0), 'ndjson')).toBe('maas-events-maas-1970-01-01T00-00-00Z.ndjson');
});
