// Listing and importing MAAS CLI profiles as connections. The list the renderer sees says
// whether a profile has a key, never the key.
import type { CliImportResult, CliProfile } from '../../src-shared/contract/connections';
import { ConsoleFailure } from '../../src-shared/contract/errors';
import { forgetCliKey, readCliProfiles } from './cli-profiles';
import type { ConnectionService } from './connection-service';

const sourceId = (source: string, name: string) => `${source}#${name}`;

export function listCliProfiles(service: ConnectionService, files: string[]): CliProfile[] {
  const imported = service.importedFrom();
  return readCliProfiles(files).map((p) => ({
    source: p.source, name: p.name, url: p.url, hasKey: p.apiKey !== null,
    importedAs: imported.get(sourceId(p.source, p.name)) ?? null,
  }));
}

export async function importCliProfiles(service: ConnectionService, files: string[],
  req: { names: string[]; forgetInCli?: boolean }): Promise<CliImportResult[]> {
  const profiles = readCliProfiles(files);
  const imported = service.importedFrom();
  const results: CliImportResult[] = [];
  for (const name of req.names) {
    // The first file that has the name wins (~/.maascli.db before ~/.maas.db).
    const p = profiles.find((x) => x.name === name);
    const fail = (error: string) => results.push({ name, ok: false, connection: null, error });
    if (!p) { fail(`No MAAS CLI profile is named "${name}".`); continue; }
    if (!p.apiKey) { fail(`The CLI profile "${name}" has no API key (an anonymous login).`); continue; }
    if (imported.has(sourceId(p.source, p.name))) { fail(`"${name}" was already imported.`); continue; }
    const taken = service.list().some((c) => c.name.toLowerCase() === name.toLowerCase());
    try {
      const connection = await service.add({ name: taken ? `${name} (MAAS CLI)` : name, url: p.url, apiKey: p.apiKey },
        { importedFrom: sourceId(p.source, p.name), allowOffline: true });
      if (req.forgetInCli) forgetCliKey(p.source, p.name);
      results.push({ name, ok: true, connection, error: null });
    } catch (e) {
      fail(e instanceof ConsoleFailure ? e.message : `Import failed: ${(e as Error).message}`);
    }
  }
  return results;
}
