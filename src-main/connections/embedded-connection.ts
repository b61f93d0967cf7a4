// "This laptop": start the embedded region and make it a connection like any other. Its
// key is made by the region on first start and kept in the keychain like every key; a key
// the region no longer knows (its data directory was reset) is replaced.
import { createMaasClient, parseMaasUrl, statusOf } from '../maas-client/index';
import type { ConnectionService } from './connection-service';
import { EMBEDDED_ID } from './embedded-profile';
import type { EmbeddedRegion } from './embedded-region';
import type { Keychain } from './keychain';

export function rootOfRegionUrl(url: string): string {
  const { roots, preferred } = parseMaasUrl(url);
  return preferred ? roots[0] : roots.at(-1)!;
}

async function keyWorks(root: string, key: string): Promise<boolean> {
  const c = createMaasClient({ root, apiVersion: '1.0', apiKey: key, retries: 1 });
  try { await c.checkKey(); return true; } catch (e) {
    if (statusOf(e) === 401 || statusOf(e) === 403) return false;
    throw e;
  } finally { await c.close(); }
}

export async function startEmbeddedConnection(d: { region: EmbeddedRegion; service: ConnectionService; keychain: Keychain }): Promise<void> {
  d.service.embeddedStarting();
  try {
    const root = rootOfRegionUrl(await d.region.start());
    let key = await d.keychain.get(EMBEDDED_ID);
    if (key && !(await keyWorks(root, key))) key = null;
    if (!key) {
      key = await d.region.createApiKey();
      await d.keychain.set(EMBEDDED_ID, key);
    }
    await d.service.setEmbedded({ url: root });
  } catch (e) {
    await d.service.setEmbedded({ stopped: e instanceof Error ? e.message : String(e) });
  }
}
