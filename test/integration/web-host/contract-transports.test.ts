// One contract suite, run over each transport the renderer can use here: in-memory (what the
// Electron bridge does after its sender check) and the renderer's own WebSocket transport.
// The Electron IPC transport itself needs the Electron binary (see test/e2e/electron.spec.ts).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { createClient, type ConsoleClient, type Transport } from '../../../src-shared/contract/client';
import { createDispatcher, EventHub } from '../../../src-main/ipc/dispatcher';
import { createWsTransport } from '../../../src-renderer/src/lib/ws-transport';
import { startConsoleHost, type ConsoleHost } from '../../support/console-host';
import { stubHandlers } from '../../unit/contract/stub-handlers';

function inMemory(): { transport: Transport; hub: EventHub } {
  const hub = new EventHub();
  const dispatch = createDispatcher(stubHandlers());
  return {
    hub,
    transport: {
      invoke: (c, p) => dispatch(c, structuredClone(p)),
      listen: (event, handler) => hub.subscribe((e, payload) => { if (e === event) handler(structuredClone(payload)); }),
    },
  };
}

let host: ConsoleHost;
beforeAll(async () => { host = await startConsoleHost(); });
afterAll(async () => { await host.close(); });

const transports: [string, () => { client: ConsoleClient; emit: (text: string) => void }][] = [
  ['in-memory', () => {
    const { transport, hub } = inMemory();
    return { client: createClient(transport), emit: (text) => hub.emit('app.status', { level: 'info', text }) };
  }],
  ['websocket', () => {
    const origin = host.origin;
    class NodeWs extends WebSocket { constructor(url: string) { super(url, { origin }); } }
    const t = createWsTransport(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`, NodeWs as unknown as typeof globalThis.WebSocket);
    return { client: createClient(t), emit: (text) => host.hub.emit('app.status', { level: 'info', text }) };
  }],
];

describe.each(transports)('contract over %s', (_name, make) => {
  test('a call returns the typed value', async () => {
    const { client } = make();
    const r = await client.call('app.ping', { text: 'round trip' });
    expect(r.ok && r.value.text).toBe('round trip');
  });

  test('an unknown channel and an invalid payload are typed errors the UI can show', async () => {
    const { client } = make();
    const unknown = await (client.call as (c: string, p: unknown) => ReturnType<ConsoleClient['call']>)('nope.nothing', {});
    expect(!unknown.ok && unknown.error.code).toBe('unknown-channel');
    const invalid = await client.call('app.ping', { text: 5 } as never);
    expect(!invalid.ok && invalid.error.code).toBe('invalid-request');
    expect(!invalid.ok && invalid.error.message).toMatch(/text/);
  });

  test('push events reach listeners, and stop after unsubscribe', async () => {
    const { client, emit } = make();
    const seen: string[] = [];
    await client.call('app.ping', { text: 'connect first' });
    const off = client.on('app.status', (s) => seen.push(s.text));
    emit('one');
    await expect.poll(() => seen).toEqual(['one']);
    off();
    emit('two');
    await client.call('app.ping', { text: 'flush' });
    expect(seen).toEqual(['one']);
  });
});
