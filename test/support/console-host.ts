// Starts the whole console (composed use-cases + dispatcher + web host) in this process, on
// 127.0.0.1:0 with a temp data dir — what `npm run web` does, for tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { composeConsole, type ComposedConsole, type ConsoleDeps } from '../../src-main/console/compose';
import { nodeRegionSpawner } from '../../src-main/connections/index';
import { createDispatcher, EventHub } from '../../src-main/ipc/dispatcher';
import { startWebHost, type WebHost } from '../../src-main/web-host/server';

export interface ConsoleHost extends WebHost {
  hub: EventHub;
  dataDir: string;
  origin: string;
  composed: ComposedConsole;
}

export interface ConsoleHostOptions extends Pick<ConsoleDeps, 'keychain'> {
  dataDir?: string;
  /** Start "This laptop" (the embedded region in its own process), as the app does. */
  region?: boolean;
  /** Or start it through this spawner (e.g. in-process and seeded, test/support/in-process-region.ts). */
  spawnRegion?: ConsoleDeps['spawnRegion'];
}

export async function startConsoleHost(opts: ConsoleHostOptions = {}): Promise<ConsoleHost> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'maas-console-'));
  const hub = new EventHub();
  const composed = await composeConsole({
    host: 'web', version: 'test', dataDir, emit: hub.emit.bind(hub), openExternal: async () => false,
    spawnRegion: opts.spawnRegion ?? (opts.region ? nodeRegionSpawner(resolve(import.meta.dirname, '../../src-main/region/process-entry.ts')) : undefined),
    keychain: opts.keychain,
  });
  const web = await startWebHost({
    staticDir: resolve(import.meta.dirname, '../../out/web'),
    dispatch: createDispatcher(composed.handlers),
    hub,
  });
  return {
    ...web, hub, dataDir, composed, origin: `http://127.0.0.1:${web.port}`,
    close: async () => {
      await web.close();
      await composed.close();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
