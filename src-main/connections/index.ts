// Connections, assembled for the composition root: the settings database, the keychain,
// the profiles service, "This laptop" (when the host can start the region) and a health
// watch that re-checks every connection now and then.
import { join } from 'node:path';
import type { ConnectionView } from '../../src-shared/contract/connections';
import { defaultCliFiles } from './cli-profiles';
import { ConnectionService, EMBEDDED_ID } from './connection-service';
import { startEmbeddedConnection } from './embedded-connection';
import { EmbeddedRegion, type SpawnRegion } from './embedded-region';
import { osKeychain, type Keychain } from './keychain';
import { ProfileStore } from './profile-store';
import { withSessionFallback } from './session-key-fallback';
import { openSettingsDb } from './settings-db';

export interface ConnectionsDeps {
  dataDir: string;
  onChange: (list: ConnectionView[]) => void;
  keychain?: Keychain;
  spawnRegion?: SpawnRegion;
  cliProfileFiles?: string[];
  /** How often every connection's health is re-checked; 0 turns the watch off. */
  healthEveryMs?: number;
}

export interface Connections {
  service: ConnectionService;
  cliProfileFiles: string[];
  region: EmbeddedRegion | null;
  close(): Promise<void>;
}

export function createConnections(d: ConnectionsDeps): Connections {
  const db = openSettingsDb(d.dataDir);
  const keychain = withSessionFallback(d.keychain ?? osKeychain(), EMBEDDED_ID, (l) => console.warn(`maas-console: ${l}`));
  const service = new ConnectionService({ store: new ProfileStore(db), keychain, onChange: d.onChange });
  let region: EmbeddedRegion | null = null;
  if (d.spawnRegion) {
    region = new EmbeddedRegion({
      spawn: d.spawnRegion, dataDir: join(d.dataDir, 'region'),
      onExit: (why) => { void service.setEmbedded({ stopped: why }); },
    });
    void startEmbeddedConnection({ region, service, keychain });
  }
  const every = d.healthEveryMs ?? 120_000;
  const timer = every > 0 ? setInterval(() => { void service.health().catch(() => undefined); }, every) : null;
  timer?.unref();
  return {
    service, region, cliProfileFiles: d.cliProfileFiles ?? defaultCliFiles(),
    async close() {
      if (timer) clearInterval(timer);
      await region?.stop();
      await service.close();
      db.close();
    },
  };
}

export { ConnectionService, EMBEDDED_ID, EMBEDDED_NAME } from './connection-service';
export { nodeRegionSpawner, type SpawnRegion, type RegionProcess } from './embedded-region';
export { osKeychain, memoryKeychain, type Keychain } from './keychain';
