// The console with "This laptop" running: the embedded region forked as its own process (as
// the app runs it), its data directory seeded first with nodes and an event history, an
// in-memory keychain, and the page opened only once the region answers.
import { join } from 'node:path';
import { memoryKeychain, EMBEDDED_ID } from '../../src-main/connections/index';
import { startConsoleHost, type ConsoleHost } from './console-host';
import { seedRegionEvents, type SeededRegion } from './seed-region-events';

export interface EventsConsole extends ConsoleHost {
  /** The region's MAAS root (http://127.0.0.1:PORT/MAAS/). */
  regionRoot: string;
  apiKey: string;
  nodes: SeededRegion['nodes'];
}

export async function startEventsConsole(o: { dataDir: string; seed: { nodes: number; events: number } }): Promise<EventsConsole> {
  // connections/ keeps the region's data in DATA_DIR/region.
  const seeded = await seedRegionEvents(join(o.dataDir, 'region'), o.seed);
  const host = await startConsoleHost({ dataDir: o.dataDir, region: true, keychain: memoryKeychain() });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const view = host.composed.connections.view(EMBEDDED_ID);
    if (view.health === 'online') return { ...host, regionRoot: view.url, apiKey: seeded.apiKey, nodes: seeded.nodes };
    if (Date.now() > deadline) {
      await host.close();
      throw new Error(`The embedded region did not come up: ${view.health} ${view.healthMessage ?? ''}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
