import { expect, test } from 'vitest';
import { parseMacInput } from '../../../src-shared/fieldkit/mac-input';
import { expandHostname, hostnameProblem, nextFreeNumber } from '../../../src-shared/fieldkit/hostname-pattern';
import { readCsvRows } from '../../../src-shared/fieldkit/csv-rows';

test('MACs in every common form, several in one field, normalised; bad and repeated pieces named', () => {
  expect(parseMacInput('AA-BB-CC-DD-EE-01, aabb.ccdd.ee02;aabbccddee03  aa:bb:cc:dd:ee:04')).toEqual({
    macs: ['aa:bb:cc:dd:ee:01', 'aa:bb:cc:dd:ee:02', 'aa:bb:cc:dd:ee:03', 'aa:bb:cc:dd:ee:04'], bad: [], repeated: [] });
  expect(parseMacInput('aa:bb:cc:dd:ee:01 AABBCCDDEE01 aa:bb:cc:dd:ee')).toEqual({
    macs: ['aa:bb:cc:dd:ee:01'], bad: ['aa:bb:cc:dd:ee'], repeated: ['aa:bb:cc:dd:ee:01'] });
  expect(parseMacInput('aa-bb:cc-dd:ee-ff').bad).toEqual(['aa-bb:cc-dd:ee-ff']); // mixed separators are not a MAC
});

test('hostname patterns: {n} and padded {n:2}; the next number not taken', () => {
  expect(expandHostname('r12-u{n}', 7)).toBe('r12-u7');
  expect(expandHostname('r12-u{n:2}', 7)).toBe('r12-u07');
  expect(expandHostname('db-main', 7)).toBe('db-main');
  expect(nextFreeNumber('r12-u{n}', 1, new Set(['r12-u1', 'r12-u2', 'r12-u4']))).toBe(3);
  expect(hostnameProblem('r12_u1')).toMatch(/not a valid hostname/);
  expect(hostnameProblem('-r12')).toMatch(/not a valid hostname/);
  expect(hostnameProblem('r12-u1.dc1')).toBeNull();
});

test('CSV rows: header names, each wrong row with every reason, power values never in the preview', () => {
  const known = { macOwner: new Map([['52:54:00:00:00:09', 'old-9']]), hostnames: new Set(['old-9']) };
  const text = '\uFEFFHostname,MAC Addresses,Zone,Power Type,Power Pass\n' +
    'a1,52:54:00:00:00:01,rack-1,ipmi,pw1\n' +
    'a2,52:54:00:00:00:01 zz,rack 1,,pw2\n' +
    '\n' +
    'old-9,52-54-00-00-00-09,,,\n';
  const { rows, preview } = readCsvRows(text, known);
  expect(preview).toMatchObject({ valid: 1, wrong: 2, fileProblem: null });
  expect(preview.rows[0]).toMatchObject({ line: 2, ok: true, powerParamNames: ['power_pass'] });
  expect(rows[0].request).toMatchObject({ hostname: 'a1', macs: ['52:54:00:00:00:01'], zone: 'rack-1', powerType: 'ipmi', powerParams: { power_pass: 'pw1' } });
  expect(preview.rows[1].problems).toEqual(['"zz" is not a MAC address', 'MAC 52:54:00:00:00:01 is also on line 2',
    'zone "rack 1" is not a zone name (letters, digits, "_" and "-")', 'power parameters given without a power_type']);
  expect(preview.rows[2].problems).toEqual(['hostname old-9 is already captured', 'MAC 52:54:00:00:00:09 is already on old-9']);
  expect(JSON.stringify(preview)).not.toContain('pw1');
});

test('a CSV without the required columns is refused as a whole, naming what it found', () => {
  expect(readCsvRows('name,serial\nx,1\n', { macOwner: new Map(), hostnames: new Set() }).preview.fileProblem)
    .toBe('The first line must name the columns; "hostname" and "mac" are required (found: name, serial).');
});
