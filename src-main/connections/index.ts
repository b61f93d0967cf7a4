// Connections, assembled for the composition root: the settings database, the keychain,
// the profiles service, "This laptop" (when the host can start the region) and a health
// watch that re-checks every connection now and then.
import { join } from 'node:path';
import type { ConnectionView } from '../../src-shared/contract/connections';
import { defaultCliFiles } from './cli-profiles';
import { ConnectionService } from './connection-service';
import { EMBEDDED_ID } from './embedded-profile';
import { startEmbeddedConnection } from './embedded-connection';
import { EmbeddedRegion, type SpawnRegion } from './embedded-region';
import { osKeychain, type Keychain } from './keychain';
import { ProfileStore } from './profile-store';
import { withSessionFallback } from './session-key-fallback';
import { openSettingsDb, type SettingsDb } from './settings-db';

export interface ConnectionsDeps {
  dataDir: string;
  /** The settings database, shared with the other areas; opened (and closed) here when not given. */
  db?: SettingsDb;
  onChange: (list: ConnectionView[]) => void;
  keychain?: Keychain;
  spawnRegion?: SpawnRegion;
  cliProfileFiles?: string[];
  /** Accounts whose key may be held in memory when the OS keychain fails (default: This laptop's). */
  sessionKeys?: 'embedded' | 'all';
  /** Told once when keys fall back to memory (default: a console warning). */
  warn?: (line: string) => void;
  /** How often every connection's health is re-checked; 0 turns the watch off. */
  healthEveryMs?: number;
  /** Waits before restarting a region process that died; one restart per entry in 10 minutes. */
  regionRestartDelaysMs?: number[];
}

export interface Connections {
  service: ConnectionService;
  /** The keychain the connections use (with This laptop's session fallback), for other areas' secrets. */
  keychain: Keychain;
  cliProfileFiles: string[];
  region: EmbeddedRegion | null;
  close(): Promise<void>;
}

export function createConnections(d: ConnectionsDeps): Connections {
  const ownDb = d.db ? null : openSettingsDb(d.dataDir);
  const db = d.db ?? ownDb!;
  const keychain = withSessionFallback(d.keychain ?? osKeychain(), d.sessionKeys === 'all' ? 'all' : EMBEDDED_ID,
    d.warn ?? ((l) => console.warn(`maas-console: ${l}`)));
  const service = new ConnectionService({ store: new ProfileStore(db), keychain, onChange: d.onChange });
  let region: EmbeddedRegion | null = null;
  let closed = false;
  const restartedAt: number[] = [];
  const delays = d.regionRestartDelaysMs ?? [1000, 5000, 15000];
  if (d.spawnRegion) {
    const r = new EmbeddedRegion({
      spawn: d.spawnRegion, dataDir: join(d.dataDir, 'region'),
      // A region that dies is restarted a few times; one that keeps dying is left stopped,
      // with the reason shown on This laptop, rather than restarted forever.
      onExit: (why) => {
        const now = Date.now();
        while (restartedAt.length && now - restartedAt[0] > 10 * 60_000) restartedAt.shift();
        if (closed) return;
        if (restartedAt.length >= delays.length) {
          void service.setEmbedded({ stopped: `${why}; it was restarted ${delays.length} times in 10 minutes and is left stopped` });
          return;
        }
        void service.setEmbedded({ stopped: `${why}; restarting it` });
        restartedAt.push(now);
        setTimeout(() => { if (!closed) void startEmbeddedConnection({ region: r, service, keychain }); }, delays[restartedAt.length - 1]).unref();
      },
    });
    region = r;
    service.setEmbeddedStarter(() => startEmbeddedConnection({ region: r, service, keychain }));
    void startEmbeddedConnection({ region: r, service, keychain });
  }
  const every = d.healthEveryMs ?? 120_000;
  const timer = every > 0 ? setInterval(() => { void service.health().catch(() => undefined); }, every) : null;
  timer?.unref();
  return {
    service, keychain, region, cliProfileFiles: d.cliProfileFiles ?? defaultCliFiles(),
    async close() {
      closed = true;
      if (timer) clearInterval(timer);
      await region?.stop();
      await service.close();
      ownDb?.close();
    },
  };
}

export { ConnectionService } from './connection-service';
export { EMBEDDED_ID, EMBEDDED_NAME } from './embedded-profile';
export { nodeRegionSpawner, type SpawnRegion, type RegionProcess } from './embedded-region';
export { osKeychain, memoryKeychain, type Keychain } from './keychain';
