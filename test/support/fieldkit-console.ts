// The console composed in this process with "This laptop" as a real embedded region started
// in-process, plus "datacenter" regions on their own ports that can be stopped and started
// again on the same port and data (the target of a push going away mid-push).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeConsole, type ComposedConsole } from '../../src-main/console/compose';
import { EMBEDDED_ID, memoryKeychain, type Keychain } from '../../src-main/connections/index';
import { createDispatcher, EventHub } from '../../src-main/ipc/dispatcher';
import { startRegion, type RunningRegion } from '../../src-main/region/start-region';
import type { RegionCore } from '../../src-main/region/region-core';
import type { ChannelName, EventName, Payload, Req, Res } from '../../src-shared/contract/index';
import { inProcessRegion, type InProcessRegion } from './in-process-region';
import { startConsoleHost, type ConsoleHost } from './console-host';

export interface FieldkitConsole {
  dataDir: string;
  composed: ComposedConsole;
  hub: EventHub;
  /** Calls a channel through the dispatcher (schema checked); throws the error's message. */
  call<K extends ChannelName>(channel: K, req: Req<K>): Promise<Res<K>>;
  /** Like call, but answers the failed Reply's error instead of throwing. */
  fail<K extends ChannelName>(channel: K, req: Req<K>): Promise<{ code: string; message: string }>;
  on<E extends EventName>(event: E, h: (p: Payload<E>) => void): void;
  close(): Promise<void>;
}

/** With `dataDir` (and the same keychain) a test restarts the console on what the last one left. */
export async function startFieldkitConsole(o: {
  dataDir?: string; keychain?: Keychain; seedLaptop?: (core: RegionCore) => void;
  /** False: return while This laptop's region is still starting (a call made right after a restart). */
  waitForLaptop?: boolean;
  /** This laptop's region takes this long to start (a laptop just woken). */
  laptopStartDelayMs?: number;
} = {}): Promise<FieldkitConsole> {
  const dataDir = o.dataDir ?? mkdtempSync(join(tmpdir(), 'maas-fieldkit-'));
  const laptop = inProcessRegion(o.seedLaptop, { startDelayMs: o.laptopStartDelayMs });
  const hub = new EventHub();
  const composed = await composeConsole({
    host: 'web', version: 'test', dataDir, emit: hub.emit.bind(hub), openExternal: async () => false,
    spawnRegion: laptop.spawn, keychain: o.keychain ?? memoryKeychain(),
  });
  const dispatch = createDispatcher(composed.handlers);
  const deadline = Date.now() + 60_000;
  // Health is kept in the settings db, so after a restart it reads "online" before the
  // region is up again: wait for an answer instead.
  while (o.waitForLaptop !== false) {
    const up = await composed.connections.clientFor(EMBEDDED_ID).then((c) => c.listZones()).then(() => true, () => false);
    if (up) break;
    if (Date.now() > deadline) throw new Error('This laptop did not come up');
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    dataDir, composed, hub,
    async call(channel, req) {
      const r = await dispatch(channel, req);
      if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
      return r.value as never;
    },
    async fail(channel, req) {
      const r = await dispatch(channel, req);
      if (r.ok) throw new Error(`${channel} succeeded where it should have failed`);
      return r.error;
    },
    on(event, h) { hub.subscribe((e, p) => { if (e === event) h(p as never); }); },
    async close() { await composed.close(); await laptop.close(); if (!o.dataDir) rmSync(dataDir, { recursive: true, force: true }); },
  };
}

/** A region standing in for the datacenter MAAS; `stop` and `start` keep its port and data. */
export interface Datacenter {
  url: string;
  apiKey: string;
  region(): RunningRegion;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startDatacenter(): Promise<Datacenter> {
  const dir = mkdtempSync(join(tmpdir(), 'maas-datacenter-'));
  const open = (port: number) => startRegion({ dataDir: dir, port, keyStorage: 'file', tagEngine: null, log: () => undefined });
  let r: RunningRegion | null = await open(0);
  const port = r.port;
  const apiKey = r.createApiKey();
  const stop = async () => { const x = r; r = null; await x?.close(); };
  return {
    url: r.url, apiKey,
    region: () => { if (!r) throw new Error('the datacenter is stopped'); return r; },
    stop,
    async start() { if (!r) r = await open(port); },
    async close() { await stop(); rmSync(dir, { recursive: true, force: true }); },
  };
}

/**
 * The console's web host with This laptop as a region in this process, once the laptop answers.
 * With `dataDir` and the same `keychain` a test restarts the console on what the last one left;
 * `startGate` holds This laptop's region "starting" (and the host is returned at once).
 */
export async function startLaptopHost(o: { dataDir?: string; keychain?: Keychain; startGate?: Promise<void> } = {}): Promise<{ host: ConsoleHost; laptop: InProcessRegion }> {
  const laptop = inProcessRegion(undefined, { startGate: o.startGate });
  const host = await startConsoleHost({ spawnRegion: laptop.spawn, keychain: o.keychain ?? memoryKeychain(), dataDir: o.dataDir });
  for (let i = 0; !o.startGate && i < 600 && !(await host.composed.connections.clientFor(EMBEDDED_ID).then(() => true, () => false)); i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  return { host, laptop };
}
