// The tags area's channels, wired to its use-cases. One details cache (its own SQLite file
// in the app data folder) and one preview service for the life of the console.
import { join } from 'node:path';
import type { Emit, HandlersFor } from '../../ipc/dispatcher';
import { checkDefinition, type PreviewCorpus } from '../../xpath/index';
import { DetailsCache } from './details-cache';
import { detailsStatus, fetchAllDetails, nodeDetails, type DetailsDeps } from './details-use-cases';
import { PreviewService } from './preview-service';
import { createTag, deleteTag, listTags, tagNodes, updateTag, type ClientFor, type TagDeps } from './tag-use-cases';
import { consoleClients } from '../maas-failure';

export type TagsChannel =
  | 'tags.list' | 'tags.create' | 'tags.update' | 'tags.delete' | 'tags.nodes' | 'tags.check'
  | 'tags.preview' | 'tags.cancelPreview' | 'details.status' | 'details.fetchAll' | 'details.get';

export interface TagsAreaDeps {
  dataDir: string;
  emit: Emit;
  clientFor: ClientFor;
  corpus?: () => PreviewCorpus;
}

export const DETAILS_CACHE_FILE = 'details-cache.sqlite';

export interface TagsArea {
  handlers: HandlersFor<TagsChannel>;
  /** A node's details as this console last fetched them (for other areas' offline views). */
  keptDetails(connectionId: string, systemId: string): { lshw: string | null; fetchedAt: string } | null;
  close(): Promise<void>;
}

export function tagsArea(deps: TagsAreaDeps): TagsArea {
  const a: TagsAreaDeps = { ...deps, clientFor: consoleClients(deps.clientFor) };
  const cache = new DetailsCache(join(a.dataDir, DETAILS_CACHE_FILE));
  const preview = new PreviewService({ cache, emit: a.emit, corpus: a.corpus, storeDir: a.dataDir });
  const t: TagDeps = { clientFor: a.clientFor, cache, emit: a.emit, gone: (c, ids) => preview.gone(c, ids) };
  const d: DetailsDeps = { clientFor: a.clientFor, cache, preview, emit: a.emit, syncs: new Map() };
  return {
    handlers: {
      'tags.list': ({ connectionId }) => listTags(t, connectionId),
      'tags.create': ({ connectionId, tag }) => createTag(t, connectionId, tag),
      'tags.update': ({ connectionId, name, tag }) => updateTag(t, connectionId, name, tag),
      'tags.delete': ({ connectionId, name }) => deleteTag(t, connectionId, name),
      'tags.nodes': ({ connectionId, name }) => tagNodes(t, connectionId, name),
      'tags.check': ({ definition }) => checkDefinition(definition),
      'tags.preview': ({ connectionId, definition, previewId }) => preview.start(connectionId, definition, previewId),
      'tags.cancelPreview': ({ previewId }) => ({ cancelled: preview.cancel(previewId) }),
      'details.status': ({ connectionId }) => detailsStatus(d, connectionId),
      'details.fetchAll': ({ connectionId, all }) => fetchAllDetails(d, connectionId, all),
      'details.get': ({ connectionId, systemId }) => nodeDetails(d, connectionId, systemId),
    },
    keptDetails: (connectionId, systemId) => cache.details(connectionId, systemId),
    async close() {
      await preview.close();
      cache.close();
    },
  };
}
