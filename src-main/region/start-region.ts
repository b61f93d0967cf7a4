// startRegion: the embedded region in-process (tests, the CLI, the child-process entry).
// Opens or creates DATA_DIR/region.db, the secrets key (keychain or key file), the admin
// user, and serves the API on host:port (127.0.0.1 by default; port 0 picks one).
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { openRegionDb } from './db/open';
import { SecretBox } from './secrets/cipher';
import { keyCheckPlace } from './secrets/places';
import { resealLegacySecrets } from './secrets/reseal';
import { obtainRegionKey, type KeyStorage, type Keychain } from './secrets/key-source';
import { RegionCore } from './region-core';
import { Authenticator } from './auth/authenticate';
import { createRegionServer } from './http/server';
import { regionResources } from './api/resources';
import { noPower, type RegionPower } from './power-port';
import { powerPollHooks } from './power-polling';
import type { TagEngine } from './tags/tag-engine';
import { TagRebuilder } from './tags/rebuilder';
import { API_PREFIX } from './http/paths';
import { checkDefinition, createPreviewCorpus } from '../xpath/index';
import { RegionTagIndex } from './tags/tag-index';
import { ConfigStore } from './stores/config-store';
import { plaintextWarning, RequestGuard, servedNames } from './http/request-guard';

export interface RegionOptions {
  dataDir: string;
  host?: string;
  port?: number;
  /** Names the region is also reached by when `host` is not loopback (what the LAN calls this machine). */
  serverNames?: string[];
  /** The power service (src-main/power/); default: none, power actions answer 503. */
  power?: RegionPower;
  /** XPath tags; default: src-main/xpath/ (libxml2 workers); null: none (definitions answer 503). */
  tagEngine?: TagEngine | null;
  /** Whole request body limit (default 32 MiB). */
  maxBodyBytes?: number;
  /** Force the key file instead of the OS keychain (headless scripts, tests). */
  keyStorage?: KeyStorage;
  keychain?: () => Promise<Keychain>;
  log?: (text: string) => void;
}

export interface RunningRegion {
  url: string;
  port: number;
  close(): Promise<void>;
  /** A new API key `consumer:token:secret` (default: the admin; another name makes a non-admin). */
  createApiKey(username?: string): string;
  /** For tests and the bench: the region's state. */
  core: RegionCore;
  /** Where the secrets key is kept. */
  keyStorage: KeyStorage;
}

/** MAAS tag semantics from src-main/xpath/ (shared/reference/xpath-tags.md). */
export const xpathTags: TagEngine = { checkDefinition, createPreviewCorpus };

export const DEFAULT_MAX_BODY = 32 * 1024 * 1024;
const KEY_CHECK = 'region:key_check';

/** Opens the database and key without serving (the CLI's apikey command uses this too). */
export async function openRegion(opts: RegionOptions): Promise<{ core: RegionCore; keyStorage: KeyStorage; close(): void }> {
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const log = opts.log ?? ((t: string) => process.stderr.write(`maas-console region: ${t}\n`));
  const db = openRegionDb(join(opts.dataDir, 'region.db'));
  try {
    const config = new ConfigStore(db);
    let regionId = config.get('region:id') as string | undefined;
    if (!regionId) {
      regionId = randomUUID();
      db.transaction(() => {
        config.set('region:id', regionId!);
        config.set('region:nodegroup_uuid', randomUUID());
      })();
    }
    const check = config.get(KEY_CHECK) as string | undefined;
    const rk = await obtainRegionKey({ dataDir: opts.dataDir, regionId, fresh: !check, prefer: opts.keyStorage, keychain: opts.keychain });
    const box = new SecretBox(rk.key);
    if (check) {
      const sealed = Buffer.from(check, 'base64');
      try {
        if (SecretBox.isLegacy(sealed)) box.openLegacy(sealed, KEY_CHECK);
        else box.open(sealed, keyCheckPlace(KEY_CHECK));
      } catch {
        throw new Error(`The secrets key found (${rk.storage}) does not open this region's database in ${opts.dataDir}.`);
      }
      // Secrets sealed by an older version are bound to their rows now, the key check too.
      resealLegacySecrets(db, box);
      if (SecretBox.isLegacy(sealed)) config.set(KEY_CHECK, box.seal(regionId, keyCheckPlace(KEY_CHECK)).toString('base64'));
    } else config.set(KEY_CHECK, box.seal(regionId, keyCheckPlace(KEY_CHECK)).toString('base64'));
    const core = new RegionCore(db, box, opts.power ?? noPower, opts.tagEngine === undefined ? xpathTags : opts.tagEngine,
      config.get('region:nodegroup_uuid') as string, log);
    if (!core.users.byName('admin')) core.tx(() => core.users.create({ username: 'admin', email: 'admin@localhost', isSuperuser: true }));
    return { core, keyStorage: rk.storage, close: () => db.close() };
  } catch (e) {
    db.close();
    throw e;
  }
}

export function createApiKey(core: RegionCore, username = 'admin'): string {
  return core.tx(() => {
    const u = core.users.byName(username) ??
      core.users.create({ username, email: `${username}@localhost`, isSuperuser: username === 'admin' });
    const k = core.users.createToken(u.id);
    return `${k.consumer_key}:${k.token_key}:${k.token_secret}`;
  });
}

export async function startRegion(opts: RegionOptions): Promise<RunningRegion> {
  const { core, keyStorage, close: closeDb } = await openRegion(opts);
  if (core.tagEngine) {
    const index = new RegionTagIndex(core.db, core.tagEngine.createPreviewCorpus(), join(opts.dataDir, 'tag-index.bin'), core.log);
    core.rebuilder = new TagRebuilder(core, index);
    // With tags to rebuild, reopen (or build) the index now: the first rebuild need not wait.
    if (core.tags.withDefinition().length > 0) index.sync().catch((e: Error) => core.log(`tag index: ${e.message}`));
    core.rebuilder.resumeIfOwed();
  }
  opts.power?.attach?.(powerPollHooks(core));
  const host = opts.host ?? '127.0.0.1';
  const guard = new RequestGuard(servedNames(host, opts.serverNames));
  const server = createRegionServer({
    resources: regionResources(core),
    auth: new Authenticator(core.users),
    limits: { maxBytes: opts.maxBodyBytes ?? DEFAULT_MAX_BODY, maxParts: 1000 },
    log: core.log,
    guard,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, host, () => resolve());
    });
  } catch (e) {
    await core.rebuilder?.close();
    closeDb();
    throw e;
  }
  const port = (server.address() as AddressInfo).port;
  guard.listening(port);
  const warning = plaintextWarning(host);
  if (warning) core.log(warning);
  // Bound to every address: this machine reaches it on loopback (a served name).
  const shownHost = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : host.includes(':') ? `[${host}]` : host;
  let closed = false;
  return {
    url: `http://${shownHost}:${port}${API_PREFIX}`,
    port,
    core,
    keyStorage,
    createApiKey: (username?: string) => createApiKey(core, username),
    async close() {
      if (closed) return;
      closed = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await core.rebuilder?.close();
      await opts.power?.close?.();
      await core.group.drain();
      closeDb();
    },
  };
}
