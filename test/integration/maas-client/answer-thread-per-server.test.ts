// Each MAAS server's answers are read on a thread of its own: while one server's huge node
// list (~90 MB) is parsed, another server's reads go on answering at their usual pace
// instead of queueing behind that parse. Timed against the huge read itself, so a slower
// machine stretches both sides alike.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { createMaasClient } from '../../../src-main/maas-client/index';
import { serveLargeNodeList } from '../../support/large-node-list';

vi.setConfig({ testTimeout: 240_000 });

const small = Buffer.from(JSON.stringify([{ system_id: 'abc123', hostname: 'node-1', status: 4, status_name: 'Ready' }]));
let big: { root: string; close: () => Promise<number> };
let other: Server;
let otherRoot: string;

beforeAll(async () => {
  big = await serveLargeNodeList(6_000);
  other = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(small);
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  otherRoot = `http://127.0.0.1:${(other.address() as AddressInfo).port}/MAAS/`;
});
afterAll(async () => {
  await big.close();
  await new Promise<void>((resolve) => other.close(() => resolve()));
});

test('another server\'s reads keep their pace while one server\'s huge list is read', async () => {
  const huge = createMaasClient({ root: big.root, apiVersion: '2.0', apiKey: 'ck:tk:ts', label: 'huge' });
  const quick = createMaasClient({ root: otherRoot, apiVersion: '2.0', apiKey: 'ck:tk:ts', label: 'quick' });
  try {
    await quick.listNodes(); // its thread started before the huge read begins
    const started = performance.now();
    let hugeDone = false;
    const reading = huge.listNodes().finally(() => { hugeDone = true; });
    const latencies: number[] = [];
    while (!hugeDone) {
      const t = performance.now();
      expect(await quick.listNodes()).toMatchObject([{ systemId: 'abc123' }]);
      latencies.push(performance.now() - t); // every read started while the huge one ran
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const hugeMs = performance.now() - started;
    expect(await reading).toHaveLength(6_000);
    const slowest = Math.max(...latencies);
    console.info(`huge read ${hugeMs.toFixed(0)} ms; ${latencies.length} reads of the other server meanwhile, slowest ${slowest.toFixed(0)} ms`);
    expect(latencies.length).toBeGreaterThan(5);
    // Queued behind the parse, one read would wait most of the huge read's time.
    expect(slowest).toBeLessThan(hugeMs / 4);
  } finally {
    await Promise.all([huge.close(), quick.close()]);
  }
});
