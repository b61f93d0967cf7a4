// For the tags integration tests: an embedded region seeded with varied lshw (served on
// 127.0.0.1:0 from a temp dir), the console's tags area talking to it through the real
// MaasClient, and a preview helper that resolves with the preview's end event.
import { openSettingsDb } from '../../../src-main/connections/settings-db';
import { NodeDetailsStore } from '../../../src-main/console/details/node-details-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tagsArea } from '../../../src-main/console/tags/tags-handlers';
import { createMaasClient, type MaasClient } from '../../../src-main/maas-client/index';
import { startRegion, type RunningRegion } from '../../../src-main/region/start-region';
import { createPreviewCorpus } from '../../../src-main/xpath/index';
import type { PreviewEnd } from '../../../src-shared/contract/tags';
import { seedRegionTags, type SeededTags } from '../../support/tags-seed';

export interface SeededRegionConsole {
  region: RunningRegion;
  maas: MaasClient;
  seeded: SeededTags;
  area: ReturnType<typeof tagsArea>;
  /** Starts a preview on `connectionId` and resolves with how it ended. */
  preview(definition: string, previewId: string): Promise<PreviewEnd>;
  close(): Promise<void>;
}

export async function seededRegionConsole(o: { nodes: number; seed: number; connectionId: string; workers: number; client?: { retries: number; timeoutMs: number } }): Promise<SeededRegionConsole> {
  const dirs = ['tags-region-', 'tags-console-'].map((p) => mkdtempSync(join(tmpdir(), p)));
  const seeded = await seedRegionTags(dirs[0], { nodes: o.nodes, seed: o.seed });
  const region = await startRegion({ dataDir: dirs[0], keyStorage: 'file', tagEngine: null, log: () => undefined });
  const maas = createMaasClient({ root: region.url.replace(/api\/1\.0\/$/, ''), apiVersion: '1.0', apiKey: seeded.apiKey, ...o.client });
  const ends = new Map<string, (e: PreviewEnd) => void>();
  const db = openSettingsDb(dirs[1]);
  const area = tagsArea({
    dataDir: dirs[1], db, details: new NodeDetailsStore(db), clientFor: async () => maas, corpus: () => createPreviewCorpus({ workers: o.workers }),
    emit: (event, payload) => { if (event === 'tags.preview.end') ends.get((payload as PreviewEnd).previewId)?.(payload as PreviewEnd); },
  });
  return {
    region, maas, seeded, area,
    preview(definition, previewId) {
      const done = new Promise<PreviewEnd>((resolve) => ends.set(previewId, resolve));
      void area.handlers['tags.preview']({ connectionId: o.connectionId, definition, previewId });
      return done;
    },
    async close() {
      await area.close();
      db.close();
      await maas.close();
      await region.close().catch(() => undefined); // a test may have stopped it already
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    },
  };
}
