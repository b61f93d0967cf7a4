// The inventory use-cases against a real embedded region (127.0.0.1:0, SQLite in a temp dir)
// through the console's own MaasClient, with the push events recorded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import type { EventName, Payload } from '../../../src-shared/contract/index';
import { createInventory, type Inventory } from '../../../src-main/console/inventory/index';
import { createMaasClient, type MaasClient } from '../../../src-main/maas-client/index';
import { startRegion, type RunningRegion } from '../../../src-main/region/start-region';
import { createRegionPower } from '../../../src-main/power/region-power';

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** With `power`, the region drives BMCs through the real power service (as the app's does). */
export async function regionWithClient(o: { power?: boolean } = {}): Promise<{ region: RunningRegion; client: MaasClient }> {
  const power = o.power ? createRegionPower({ waitingPolicyMs: [50, 100, 200, 400], timeoutMs: 5000, queryAttempts: 1, pollIntervalMs: 0 }) : undefined;
  const region = await startRegion({ dataDir: tempDir('inv-region-'), keyStorage: 'file', log: () => undefined, tagEngine: null, power });
  const client = createMaasClient({ root: region.url.replace(/api\/1\.0\/$/, ''), apiVersion: '1.0', apiKey: region.createApiKey(), label: 'This laptop' });
  onTestFinished(async () => { await client.close(); await region.close(); });
  return { region, client };
}

export interface Recorded { name: EventName; payload: unknown }

export function inventoryOver(client: MaasClient, o: { dataDir?: string; chunkSize?: number; feedEveryMs?: number } = {}) {
  const events: Recorded[] = [];
  const inv: Inventory = createInventory({
    dataDir: o.dataDir ?? tempDir('inv-data-'), clientFor: async () => client, pollEveryMs: () => 0, feedEveryMs: () => o.feedEveryMs ?? 0,
    emit: (name, payload) => { events.push({ name, payload }); }, chunkSize: o.chunkSize ?? 50, concurrency: 4,
  });
  onTestFinished(() => inv.close());
  const of = <E extends EventName>(name: E) => events.filter((e) => e.name === name).map((e) => e.payload as Payload<E>);
  return { inv, h: inv.handlers, events, of };
}
