// The console with "This laptop" running an embedded region seeded for the tags tests
// (varied lshw from the shared fixture, some LLDP, tags whose membership disagrees with
// their definitions), opened only once the region answers. For the e2e tests and the bench.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMBEDDED_ID, memoryKeychain } from '../../src-main/connections/index';
import { startConsoleHost, type ConsoleHost } from './console-host';
import { seedRegionTags, type SeededTags } from './tags-seed';

export interface TagsConsole extends ConsoleHost {
  seeded: SeededTags;
}

/** `waitOnline: false` returns at once, while This laptop is still starting. */
export async function startTagsConsole(o: { nodes: number; seed?: number; scale?: number; waitOnline?: boolean }): Promise<TagsConsole> {
  const dataDir = mkdtempSync(join(tmpdir(), 'maas-console-tags-'));
  // connections/ keeps the embedded region's data in DATA_DIR/region.
  const seeded = await seedRegionTags(join(dataDir, 'region'), { nodes: o.nodes, seed: o.seed, scale: o.scale, oddities: false });
  const host = await startConsoleHost({ dataDir, region: true, keychain: memoryKeychain() });
  const close = async () => {
    await host.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  if (o.waitOnline === false) return { ...host, seeded, close };
  const deadline = Date.now() + 90_000;
  for (;;) {
    const view = host.composed.connections.view(EMBEDDED_ID);
    if (view.health === 'online') return { ...host, seeded, close };
    if (Date.now() > deadline) {
      await close();
      throw new Error(`The embedded region did not come up: ${view.health} ${view.healthMessage ?? ''}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
