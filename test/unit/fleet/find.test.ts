import { expect, test } from 'vitest';
import { FindIndex, type FindRecord } from '../../../src-shared/fleet/find';

const rec = (over: Partial<FindRecord>): FindRecord => ({
  connectionId: 'local', server: 'This laptop', systemId: 'abc123', hostname: 'node-1', macs: [], ips: [], serials: [], asOf: null, ...over,
});
const index = new FindIndex([
  rec({ systemId: 'xq7w3e', hostname: 'r13-u07', macs: ['52:54:00:a1:b2:c3'], ips: ['10.20.0.7'], serials: ['CZJ8320ABC', 'S3Z9NX0K'] }),
  rec({ connectionId: 'lab', server: 'Lab', systemId: 'p4k8ty', hostname: 'r13-u08', macs: ['52:54:00:a1:b2:c4', '52:54:00:a1:b2:c4'], asOf: '2026-12-05T08:00:00Z' }),
  rec({ connectionId: 'dc2', server: 'DC2', systemId: 'm9n2bd', hostname: 'gpu-01', ips: ['10.20.0.70'], serials: ['CZJ8320ABD'] }),
]);

test('a MAC in any separator style finds its node on whichever server has it', () => {
  for (const typed of ['52:54:00:A1:B2:C4', '525400a1b2c4', '5254.00a1.b2c4', '52-54-00-a1-b2-c4']) {
    expect(index.find(typed)).toEqual([{ connectionId: 'lab', server: 'Lab', systemId: 'p4k8ty', hostname: 'r13-u08', field: 'mac', value: '52:54:00:a1:b2:c4', asOf: '2026-12-05T08:00:00Z' }]);
  }
  // A prefix of a MAC finds both, the whole-value match of neither ranks first by hostname.
  expect(index.find('52:54:00:a1:b2').map((h) => h.hostname)).toEqual(['r13-u07', 'r13-u08']);
});

test('serials (machine and disks), system IDs, hostnames and IPs; whole values first', () => {
  expect(index.find('czj8320abd').map((h) => [h.hostname, h.field])).toEqual([['gpu-01', 'serial']]);
  expect(index.find('S3Z9NX0K')[0]).toMatchObject({ hostname: 'r13-u07', field: 'serial', value: 'S3Z9NX0K' });
  expect(index.find('CZJ8320AB').map((h) => h.hostname)).toEqual(['gpu-01', 'r13-u07']);
  expect(index.find('m9n2bd')[0]).toMatchObject({ field: 'systemId', server: 'DC2' });
  expect(index.find('10.20.0.7').map((h) => [h.hostname, h.field])).toEqual([['r13-u07', 'ip'], ['gpu-01', 'ip']]);
  expect(index.find('r13').map((h) => h.hostname)).toEqual(['r13-u07', 'r13-u08']);
});

test('one letter finds nothing; two hex digits do not match every MAC; the limit holds', () => {
  expect(index.find('r')).toEqual([]);
  expect(index.find('b2').map((h) => h.hostname)).toEqual([]);
  const many = new FindIndex(Array.from({ length: 500 }, (_, i) => rec({ systemId: `s${i}`, hostname: `node-${i}` })));
  expect(many.find('node', 20)).toHaveLength(20);
  expect(many.find('node-499')).toHaveLength(1);
});
