// "This laptop" for browser tests and benches: the real embedded region, started in this
// process (key file, no keychain) behind the supervisor's process protocol, and seeded
// before the console first asks it anything.
import type { FromRegion, RegionProcess, SpawnRegion } from '../../src-main/connections/embedded-region';
import type { RegionCore } from '../../src-main/region/region-core';
import { startRegion, type RunningRegion } from '../../src-main/region/start-region';

export interface InProcessRegion {
  spawn: SpawnRegion;
  /** The running region (after the console started it). */
  running(): RunningRegion | null;
  close(): Promise<void>;
}

export interface InProcessRegionOptions {
  /** The region takes this long to start (a laptop just woken). */
  startDelayMs?: number;
  /** Or starts only once this settles: a test holds the region "starting" for as long as it needs. */
  startGate?: Promise<void>;
}

export function inProcessRegion(seed: (core: RegionCore) => void = () => {}, o: InProcessRegionOptions = {}): InProcessRegion {
  let region: RunningRegion | null = null;
  const spawn: SpawnRegion = () => {
    let onMessage: (m: FromRegion) => void = () => {};
    let onExit: (code: number | null) => void = () => {};
    const proc: RegionProcess = {
      send(m) {
        void (async () => {
          try {
            if (m.type === 'start') {
              if (o.startDelayMs) await new Promise((r) => setTimeout(r, o.startDelayMs));
              await o.startGate;
              region = await startRegion({ dataDir: m.dataDir, port: 0, keyStorage: 'file', tagEngine: null, log: () => undefined });
              seed(region.core);
              onMessage({ type: 'ready', url: region.url });
            } else onMessage({ type: 'api-key', key: region!.createApiKey() });
          } catch (e) {
            onMessage({ type: 'error', message: (e as Error).message });
          }
        })();
      },
      onMessage: (h) => { onMessage = h; },
      onExit: (h) => { onExit = h; },
      kill: () => { void region?.close().then(() => onExit(0)); },
    };
    return proc;
  };
  return { spawn, running: () => region, close: async () => { await region?.close(); } };
}
