// A node list built to cost far more memory to read than its size (a million tiny machines
// in a few MiB) ends the answer thread, not the console: the read fails as too large to
// read, naming the reader's heap, and the next read starts a fresh thread and works. The
// thread's heap is set small here (MAAS_CONSOLE_ANSWER_HEAP_MB) so the test stays small.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { createMaasClient } from '../../../src-main/maas-client/index';

vi.setConfig({ testTimeout: 120_000 });

const tiny = Buffer.from(`[${Array.from({ length: 1_500_000 }, (_, i) => `{"system_id":"${i.toString(36)}"}`).join(',')}]`);
const small = Buffer.from(JSON.stringify([{ system_id: 'abc123', hostname: 'node-1', status: 4, status_name: 'Ready' }]));
let server: Server;
let root: string;

beforeAll(async () => {
  process.env.MAAS_CONSOLE_ANSWER_HEAP_MB = '64';
  server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(req.url?.includes('hostname=small') ? small : tiny);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  root = `http://127.0.0.1:${(server.address() as AddressInfo).port}/MAAS/`;
});
afterAll(async () => {
  delete process.env.MAAS_CONSOLE_ANSWER_HEAP_MB;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

test('an answer that needs more memory to read than the reader has ends that thread, is refused, and the next read works', async () => {
  const c = createMaasClient({ root, apiVersion: '2.0', apiKey: 'ck:tk:ts', label: 'lab', retries: 0 });
  try {
    const e = await c.listNodes().catch((x) => x);
    expect(e).toMatchObject({ code: 'MAAS_ERR_ANSWER_TOO_LARGE', readBytes: tiny.length });
    expect(e.message).toMatch(/^lab \(.*\): GET machines\/: the answer \(\d+(\.\d)? MiB\) needs more memory to read than the answer reader is given \(64 MiB\), so it was not used$/);
    expect(await c.listNodes({ hostnames: ['small'] })).toMatchObject([{ systemId: 'abc123', statusName: 'Ready' }]);
  } finally {
    await c.close();
  }
});
