// The settings database of a test, with the home of node details and the Tags view's lists in it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSettingsDb, type SettingsDb } from '../../src-main/connections/settings-db';
import { NodeDetailsStore, type KeptDetails } from '../../src-main/console/details/node-details-store';
import { TagsCache } from '../../src-main/console/tags/tags-cache';

export interface DetailsHome {
  dir: string;
  db: SettingsDb;
  details: NodeDetailsStore;
  cache: TagsCache;
  /** What the home told its listeners: details put, and system ids gone. */
  heard: { put: KeptDetails[]; gone: string[] };
  close(): void;
}

export function openDetailsHome(prefix = 'details-home-'): DetailsHome {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const db = openSettingsDb(dir);
  const details = new NodeDetailsStore(db);
  const heard: DetailsHome['heard'] = { put: [], gone: [] };
  details.listen((_c, id, d) => { if (d) heard.put.push(d); else heard.gone.push(id); });
  return {
    dir, db, details, cache: new TagsCache(db), heard,
    close: () => { db.close(); rmSync(dir, { recursive: true, force: true }); },
  };
}
