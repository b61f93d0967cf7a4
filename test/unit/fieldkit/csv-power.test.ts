// The CSV preview checks power types and parameters with the region's own rules
// (validatePowerParameters), so a row it calls valid is one the region takes, and the counts
// add up: valid + wrong = rows.
import { expect, test } from 'vitest';
import { readCsvRows } from '../../../src-shared/fieldkit/csv-rows';

const known = { macOwner: new Map<string, string>(), hostnames: new Set<string>() };

test('an unknown power type and a bad parameter are wrong rows, with why; a good one is valid', () => {
  const csv = ['hostname,mac,power_type,power_address,power_user,power_pass',
    'r1,52:54:00:00:00:01,ipmi,10.0.0.1,admin,pw',
    'r2,52:54:00:00:00:02,idrac,10.0.0.2,admin,pw',
    'r3,52:54:00:00:00:03,ipmi,-oProxyCommand=x,admin,pw',
    'r4,52:54:00:00:00:04,virsh,qemu+ssh://h/system,admin,'].join('\n');
  const { preview } = readCsvRows(csv, known);
  expect(preview.rows.map((r) => r.ok)).toEqual([true, false, false, false]);
  expect(preview.rows[1].problems.join(' ')).toMatch(/^power_type is not a known power type/);
  expect(preview.rows[2].problems.join(' ')).toMatch(/^power_address must not begin with "-"/);
  expect(preview.rows[2].problems.join(' ')).not.toContain('oProxyCommand'); // a value is never repeated
  expect(preview.rows[3].problems.join(' ')).toMatch(/^power_user is not a parameter of power type virsh/);
  expect(preview.valid + preview.wrong).toBe(preview.rows.length);
});
