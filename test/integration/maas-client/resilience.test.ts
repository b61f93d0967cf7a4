// What the client does when the network or the server misbehaves: retries with back-off on
// network errors and on 503 honouring Retry-After, timeouts, unreachable servers, rejected
// keys — and errors naming the server, the call and what went wrong, never the key.
import { createServer } from 'node:net';
import { afterEach, expect, test, vi } from 'vitest';

vi.setConfig({ testTimeout: 60_000 });
import { createMaasClient, discoverApi, type MaasClient } from '../../../src-main/maas-client/index';
import { machine } from '../../support/maas-replay-fixtures';
import { startReplayServer, type ReplayServer } from '../../support/maas-replay-server';

const KEY = 'ck1:tk1:ts1secret';
const open: { close(): Promise<void> }[] = [];
afterEach(async () => { for (const c of open.splice(0).reverse()) await c.close(); });

async function setup(o: { key?: string; timeoutMs?: number; retries?: number } = {}) {
  const s = await startReplayServer({ api: '2.0', apiKey: KEY, machines: [machine(1, 0), machine(2, 10)] });
  open.push(s);
  const waits: number[] = [];
  const c: MaasClient = createMaasClient({
    root: s.root, apiVersion: '2.0', apiKey: o.key ?? KEY, label: 'lab', timeoutMs: o.timeoutMs, retries: o.retries,
    sleep: async (ms) => { waits.push(ms); },
  });
  open.push(c);
  return { s, c, waits };
}
const isList = (s: ReplayServer) => (r: { method: string; path: string }) => r.method === 'GET' && r.path.endsWith('/machines/');

test('a wrong key is key-rejected, naming the server and the call but not the secret', async () => {
  const { c } = await setup({ key: 'ck1:tk1:wrongsecret' });
  const e = await c.listNodes().catch((x) => x);
  expect(e).toMatchObject({ code: 'MAAS_ERR_STATUS', status: 401 });
  expect(e.message).toMatch(/^lab \(http:\/\/127\.0\.0\.1:\d+\/MAAS\/\): GET machines\/: HTTP 401/);
  expect(e.message).toMatch(/Invalid access token/);
  expect(e.message).not.toMatch(/wrongsecret|ts1secret/);
});

test('503 with Retry-After is retried after the time the server asked for', async () => {
  const { s, c, waits } = await setup();
  s.faults.push({ match: isList(s), times: 2, kind: 'status', status: 503, headers: { 'retry-after': '2' } });
  expect(await c.listNodes()).toHaveLength(2);
  expect(waits).toEqual([2000, 2000]);
  expect(s.requests.filter(isList(s))).toHaveLength(3);
});

test('a POST answered 503 with Retry-After is retried too: the server did nothing', async () => {
  const { s, c, waits } = await setup();
  s.faults.push({ match: (r) => r.method === 'POST', times: 1, kind: 'status', status: 503, headers: { 'retry-after': '1' } });
  expect((await c.releaseNodes(['m00002'])).changed).toEqual(['m00002']);
  expect(waits).toEqual([1000]);
});

test('503 that outlasts the retries is reported as unavailable, with the server\'s text', async () => {
  const { s, c, waits } = await setup({ retries: 2 });
  s.faults.push({ match: isList(s), times: 5, kind: 'status', status: 503, headers: { 'retry-after': '1' }, body: 'Region is starting' });
  const e = await c.listNodes().catch((x) => x);
  expect(e).toMatchObject({ code: 'MAAS_ERR_STATUS', status: 503 });
  expect(e.message).toMatch(/GET machines\/: HTTP 503 Service Unavailable — Region is starting/);
  expect(waits).toHaveLength(2);
});

test('a Retry-After longer than we wait for is reported rather than waited out', async () => {
  const { s, c, waits } = await setup();
  s.faults.push({ match: isList(s), times: 1, kind: 'status', status: 503, headers: { 'retry-after': '3600' } });
  await expect(c.listNodes()).rejects.toMatchObject({ code: 'MAAS_ERR_STATUS', status: 503 });
  expect(waits).toEqual([]);
});

test('a dropped connection on a read is retried with back-off', async () => {
  const { s, c, waits } = await setup();
  s.faults.push({ match: isList(s), times: 2, kind: 'drop' });
  expect(await c.listNodes()).toHaveLength(2);
  expect(waits).toHaveLength(2);
  expect(waits[1]).toBeGreaterThan(waits[0] * 1.1);
});

test('a dropped connection on a POST is not retried: it may have been done', async () => {
  const { s, c, waits } = await setup();
  s.faults.push({ match: (r) => r.method === 'POST', times: 1, kind: 'drop' });
  const e = await c.acceptNodes(['m00001']).catch((x) => x);
  expect(e.code).toBe('MAAS_ERR_UNREACHABLE');
  expect(e.message).toMatch(/lab .*POST machines\/ op=accept: connection failed/);
  expect(waits).toEqual([]);
});

test('a server that never answers times out', async () => {
  const { s, c } = await setup({ timeoutMs: 300, retries: 1 });
  s.faults.push({ match: isList(s), times: 2, kind: 'silence' });
  const e = await c.listNodes().catch((x) => x);
  expect(e.code).toBe('MAAS_ERR_UNREACHABLE');
  expect(e.message).toMatch(/GET machines\/: no answer within 0\.3 s \(UND_ERR_HEADERS_TIMEOUT\), after 2 attempts/);
});

test('nothing listening is unreachable', async () => {
  const port = await new Promise<number>((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => { const p = (srv.address() as { port: number }).port; srv.close(() => resolve(p)); });
  });
  const c = createMaasClient({ root: `http://127.0.0.1:${port}/MAAS/`, apiVersion: '2.0', apiKey: KEY, retries: 1, sleep: async () => {} });
  open.push(c);
  const e = await c.listZones().catch((x) => x);
  expect(e.code).toBe('MAAS_ERR_UNREACHABLE');
  expect(e.message).toMatch(/cannot connect: .*ECONNREFUSED/);
  await expect(discoverApi(`http://127.0.0.1:${port}/MAAS/`, { retries: 0 })).rejects.toMatchObject({ code: 'MAAS_ERR_UNREACHABLE' });
});

test('a URL with no MAAS behind it says so', async () => {
  const { s } = await setup();
  await expect(discoverApi(`${s.url}/elsewhere/`)).rejects.toMatchObject({ code: 'MAAS_ERR_NO_API', message: expect.stringMatching(/No MAAS API answered/) });
  await expect(discoverApi('ftp://x/')).rejects.toMatchObject({ code: 'MAAS_ERR_INVALID_URL' });
});

test('a malformed key is refused before any request', async () => {
  expect(() => createMaasClient({ root: 'http://127.0.0.1:1/MAAS/', apiVersion: '2.0', apiKey: 'not-a-key' }))
    .toThrow(/consumer_key:token_key:token_secret/);
});

test('calls of one connection reuse kept-alive sockets rather than a socket per call', async () => {
  const { s, c } = await setup();
  for (let i = 0; i < 10; i++) await c.listZones();
  await c.acceptNodes(['m00001']);
  expect(s.requests).toHaveLength(11);
  // undici may open a second socket for a call made while the first is still being
  // released (seen with a bare undici Agent too); after that they are reused.
  expect(s.connections()).toBeLessThanOrEqual(2);
});

test('a server every attempt failed to reach is then asked once per call, until it answers again', async () => {
  const { s, c, waits } = await setup();
  s.faults.push({ match: isList(s), times: 5, kind: 'drop' });
  await expect(c.listNodes()).rejects.toMatchObject({ code: 'MAAS_ERR_UNREACHABLE' }); // 4 attempts, 3 waits
  expect(waits).toHaveLength(3);
  await expect(c.listNodes()).rejects.toMatchObject({ code: 'MAAS_ERR_UNREACHABLE', message: expect.not.stringMatching(/attempts/) });
  expect(waits).toHaveLength(3); // one attempt, no back-off
  expect(await c.listNodes()).toHaveLength(2); // the fifth drop was the last: it answers
  s.faults.push({ match: isList(s), times: 1, kind: 'drop' });
  expect(await c.listNodes()).toHaveLength(2); // answered again, so retried as usual
  expect(waits).toHaveLength(4);
});
