// A valid but very large node list (~150 MB, ~10,000 MAAS 3.x machines with their block
// devices) is fetched and read without stopping the main thread: a 5 ms heartbeat watches
// the event loop the whole time, and the main thread may never run more than 250 ms of code
// between two beats. This is a responsiveness property, not a speed target: on a slower or
// busier machine the read takes longer, but the loop keeps turning. A control reads
// the same body on the main thread, as the client once did, to show the watch sees a freeze,
// and the list read off the thread must equal it entry for entry.
import { isMainThread } from 'node:worker_threads';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { answerReaders } from '../../../src-main/maas-client/answer-readers';
import { createMaasClient } from '../../../src-main/maas-client/index';
import { serveLargeNodeList } from '../../support/large-node-list';
import { longestHold, report } from '../../support/main-thread-watch';

vi.setConfig({ testTimeout: 240_000 });

const MACHINES = 10_000;
const MOST_HELD_MS = 250;

let body: Buffer;
let root: string;
let close: () => Promise<number>;

beforeAll(async () => {
  ({ body, root, close } = await serveLargeNodeList(MACHINES));
});
afterAll(() => close());

test(`a ${MACHINES.toLocaleString('en')}-machine node list (~150 MB) is fetched and read while the main thread keeps turning`, async () => {
  expect(body.length).toBeGreaterThan(100 * 1024 * 1024);
  expect(isMainThread).toBe(true); // the CPU watch reads the main thread's own counters
  const client = createMaasClient({ root, apiVersion: '2.0', apiKey: 'ck:tk:ts', label: 'big' });
  try {
    // The reader thread is started by the first read; the watch covers that start too.
    const watched = await longestHold(() => client.listNodes());
    const nodes = watched.result;
    expect(nodes).toHaveLength(MACHINES);
    expect(nodes[0]).toMatchObject({ systemId: 'm00001', hostname: 'node-1', status: 6, statusName: 'Deployed', owner: 'admin',
      tags: ['rack-1', 'gpu'], cpuCount: 8, memory: 16384, osystem: 'ubuntu', distroSeries: 'jammy', pool: 'default', zone: 'default' });
    expect(nodes[2]).toMatchObject({ systemId: 'm00003', statusName: 'Ready', owner: null, osystem: '' });
    expect(nodes[MACHINES - 1]).toMatchObject({ systemId: `m${MACHINES}`, hostname: `node-${MACHINES}`, statusName: 'Deployed' });
    console.info(`read off the thread: ${report(watched)}`);
    expect(watched.beats).toBeGreaterThan(20);
    expect(watched.cpuMs).toBeLessThan(MOST_HELD_MS);

    // Control: the same body read on the main thread holds the loop for the whole parse,
    // and gives the same list.
    const control = await longestHold(async () => answerReaders.nodes(body, {
      where: 'control', what: 'the node list', status: 200, contentType: 'application/json', api: '2.0',
    }));
    console.info(`control, read on the main thread: ${report(control)}`);
    expect(control.cpuMs).toBeGreaterThan(MOST_HELD_MS);
    expect(control.result).toEqual(nodes);
  } finally {
    await client.close();
  }
});
