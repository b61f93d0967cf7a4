import { expect, test } from 'vitest';
import { parseApiKey } from '../../../src-main/maas-client/api-key';
import { bulkOutcome, refusedIn } from '../../../src-main/maas-client/bulk';
import { parseMaasUrl } from '../../../src-main/maas-client/discover';
import { describeNetworkError } from '../../../src-main/maas-client/errors';
import { multipartBody, queryString } from '../../../src-main/maas-client/form';
import { toNodeSummary } from '../../../src-main/maas-client/normalise';
import { normaliseFingerprint } from '../../../src-main/maas-client/tls-trust';
import { retryAfterMs } from '../../../src-main/maas-client/transport';

const answer = (status: number, body: string) => ({ status, contentType: 'text/plain', body: Buffer.from(body) });

test('an API key has three parts; a bad one is refused without being echoed', () => {
  expect(parseApiKey(' a:b:c ')).toEqual({ consumerKey: 'a', tokenKey: 'b', tokenSecret: 'c' });
  expect(() => parseApiKey('a:b')).toThrow(/three parts/);
  try { parseApiKey('sekrit:zz'); } catch (e) { expect(String(e)).not.toMatch(/sekrit/); }
});

test('query strings put op first and repeat list parameters', () => {
  expect(queryString('list', { id: ['a', 'b'], zone: undefined, limit: 5 })).toBe('?op=list&id=a&id=b&limit=5');
  expect(queryString(undefined, {})).toBe('');
});

test('multipart bodies repeat list parts and carry files', async () => {
  const { body, contentType } = await multipartBody({ machines: ['x', 'y'], comment: 'c', lshw: { filename: 'l.xml', data: Buffer.from('<list/>') } });
  expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
  const text = body.toString();
  expect(text.match(/name="machines"/g)).toHaveLength(2);
  expect(text).toMatch(/name="lshw"; filename="l.xml"[\s\S]*<list\/>/);
});

test('Retry-After in seconds or as an HTTP date', () => {
  expect(retryAfterMs('5')).toBe(5000);
  expect(retryAfterMs(new Date(10_000).toUTCString(), 4000)).toBe(6000);
  expect(retryAfterMs(undefined)).toBeNull();
  expect(retryAfterMs('soon')).toBeNull();
});

test('MAAS URLs: root, bare host, API URLs', () => {
  expect(parseMaasUrl('http://m:5240/MAAS')).toEqual({ roots: ['http://m:5240/MAAS/'], preferred: null });
  expect(parseMaasUrl('http://m:5240')).toEqual({ roots: ['http://m:5240/', 'http://m:5240/MAAS/'], preferred: null });
  expect(parseMaasUrl('https://m/MAAS/api/2.0/?x=1')).toEqual({ roots: ['https://m/MAAS/'], preferred: '2.0' });
  expect(() => parseMaasUrl('http://u:p@m/')).toThrow(/no user name/);
  // A bare host or host:port is http; a bare host is tried on MAAS's 5240 too.
  expect(parseMaasUrl('m:5240')).toEqual({ roots: ['http://m:5240/', 'http://m:5240/MAAS/'], preferred: null });
  expect(parseMaasUrl(' 10.0.0.5:5240/MAAS ')).toEqual({ roots: ['http://10.0.0.5:5240/MAAS/'], preferred: null });
  expect(parseMaasUrl('maas.example')).toEqual({ roots: ['http://maas.example/', 'http://maas.example/MAAS/', 'http://maas.example:5240/MAAS/'], preferred: null });
  expect(() => parseMaasUrl('ftp://m/')).toThrow(/http/);
});

test('a 409 release names the refused nodes in the server\'s words; the others are unreported, not assumed', () => {
  const out = bulkOutcome(['a1', 'b2', 'c3'], answer(409, "Machine(s) cannot be released in their current state: b2 ('New'), c3 ('Broken')."));
  expect(out).toMatchObject({ status: 409, changed: [], refused: ['b2', 'c3'], unreported: ['a1'] });
  expect(out.reasons.c3).toMatch(/^refused in state Broken: Machine\(s\) cannot be released/);
});

test('a 409 accept names the one node MAAS stopped at; the rest are unreported', () => {
  const out = bulkOutcome(['a1', 'b2', 'c3'], answer(409, 'Cannot accept node enlistment: node b2 is in state Deployed.'));
  expect(out).toMatchObject({ refused: ['b2'], unreported: ['a1', 'c3'] });
  expect(out.reasons.b2).toBe('refused in state Deployed: Cannot accept node enlistment: node b2 is in state Deployed.');
});

test('a 409 that names no requested node reports every node as unreported, never as refused or changed', () => {
  const out = bulkOutcome(['a1'], answer(409, 'locked'));
  expect(out).toMatchObject({ changed: [], refused: [], unreported: ['a1'] });
});

test('a 200 lists what changed; the rest are "unchanged" with no reason invented', () => {
  const out = bulkOutcome(['a1', 'b2'], answer(200, JSON.stringify([{ system_id: 'a1', status: 1 }])));
  expect(out).toEqual({ status: 200, changed: ['a1'], unchanged: ['b2'], refused: [], reasons: {}, unreported: [] });
});

test('ids are matched whole in refusal texts only where they appear', () => {
  expect(Object.keys(refusedIn("x ('New')", ['x', 'y']))).toEqual(['x']);
  expect(Object.keys(refusedIn("m12 ('New')", ['m1', 'm12']))).toEqual(['m12']);
});

test('API 2.0 machines: status and status_name, interface MACs, pool', () => {
  const n = toNodeSummary({ system_id: 's', hostname: 'h', status: 21, status_name: 'Testing', pool: { name: 'p' }, zone: { name: 'z' },
    interface_set: [{ mac_address: 'aa' }, { mac_address: 'bb' }], tag_names: ['t'] }, '2.0');
  expect(n).toMatchObject({ status: 21, statusName: 'Testing', pool: 'p', zone: 'z', macAddresses: ['aa', 'bb'], tags: ['t'], powerState: 'unknown' });
});

test('API 1.0 nodes: substatus is the real status behind the legacy 6', () => {
  expect(toNodeSummary({ system_id: 's', status: 6, substatus: 11, macaddress_set: [{ mac_address: 'aa' }] }, '1.0'))
    .toMatchObject({ status: 11, statusName: 'Failed deployment', macAddresses: ['aa'], pool: null });
  expect(toNodeSummary({ system_id: 's', status: 4 }, '1.0').statusName).toBe('Ready');
});

test('network errors are sorted into TLS, timeout, refused and other', () => {
  expect(describeNetworkError({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT', message: 'self-signed certificate' }, 1000).kind).toBe('tls');
  expect(describeNetworkError({ code: 'UND_ERR_CONNECT_TIMEOUT', message: 't' }, 1000)).toMatchObject({ kind: 'timeout', maybeSent: false });
  expect(describeNetworkError({ code: 'UND_ERR_HEADERS_TIMEOUT', message: 't' }, 1000)).toMatchObject({ kind: 'timeout', maybeSent: true });
  expect(describeNetworkError({ cause: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' } }, 1000).kind).toBe('refused');
  expect(describeNetworkError({ code: 'UND_ERR_SOCKET', message: 'other side closed' }, 1000)).toMatchObject({ kind: 'network', maybeSent: true });
});

test('fingerprints compare whatever their spelling', () => {
  expect(normaliseFingerprint('ab:cd:EF')).toBe('AB:CD:EF');
  expect(normaliseFingerprint('abcdef')).toBe('AB:CD:EF');
});
