// The preview corpus of a connection saved between sessions (src-main/xpath/corpus-file.ts),
// so the Tags view opens on tables already built: only nodes whose cached details changed
// since (or are new) are loaded again, nodes gone are dropped. One file per connection in
// the app data folder, named by a hash of the connection id; a cache like the details
// cache: deleting it only costs building the tables again.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { loadCorpus, saveCorpus, type PreviewCorpus } from '../../xpath/index';

export class PreviewStore {
  constructor(private readonly dir: string) {}

  private fileFor(connectionId: string): string {
    return join(this.dir, `tag-preview-${createHash('sha256').update(connectionId).digest('hex').slice(0, 16)}.bin`);
  }

  /**
   * Puts the saved corpus into `corpus`; null when there is none usable (then the caller
   * loads everything). Otherwise the ids to load again and the ids to remove.
   */
  async reopen(corpus: PreviewCorpus, connectionId: string, versions: Map<string, string>): Promise<{ load: string[]; remove: string[] } | null> {
    const saved = await loadCorpus(this.fileFor(connectionId));
    if (saved === null || !(await corpus.restore(saved.snapshot))) return null;
    const load = [...versions].filter(([id, v]) => saved.versions[id] !== v).map(([id]) => id);
    const remove = Object.keys(saved.versions).filter((id) => !versions.has(id));
    return { load, remove };
  }

  async save(corpus: PreviewCorpus, connectionId: string, versions: Map<string, string>): Promise<void> {
    await saveCorpus(this.fileFor(connectionId), { snapshot: await corpus.snapshot(), versions: Object.fromEntries(versions) });
  }
}
