// The tags area's channels, wired to its use-cases. The nodes' details live in their one
// home (details/node-details-store.ts); the view's node list and tag list in the settings
// database; one preview service for the life of the console.
import type { Emit, HandlersFor } from '../../ipc/dispatcher';
import { checkDefinition, type PreviewCorpus } from '../../xpath/index';
import type { SettingsDb } from '../../connections/settings-db';
import type { NodeDetailsStore } from '../details/node-details-store';
import { TagsCache } from './tags-cache';
import { detailsStatus, fetchAllDetails, nodeDetails, type DetailsDeps } from './details-use-cases';
import { PreviewService } from './preview-service';
import { createTag, deleteTag, listTags, tagNodes, updateTag, type ClientFor, type TagDeps } from './tag-use-cases';
import { consoleClients } from '../maas-failure';

export type TagsChannel =
  | 'tags.list' | 'tags.create' | 'tags.update' | 'tags.delete' | 'tags.nodes' | 'tags.check'
  | 'tags.preview' | 'tags.cancelPreview' | 'details.status' | 'details.fetchAll' | 'details.get';

export interface TagsAreaDeps {
  /** Where the preview's built tables are saved between sessions. */
  dataDir: string;
  db: SettingsDb;
  details: NodeDetailsStore;
  emit: Emit;
  clientFor: ClientFor;
  corpus?: () => PreviewCorpus;
}

export interface TagsArea {
  handlers: HandlersFor<TagsChannel>;
  /** The Tags view's node lists (hostnames of the nodes a preview matched). */
  cache: TagsCache;
  close(): Promise<void>;
}

export function tagsArea(deps: TagsAreaDeps): TagsArea {
  const a: TagsAreaDeps = { ...deps, clientFor: consoleClients(deps.clientFor) };
  const cache = new TagsCache(a.db);
  const { details } = a;
  const preview = new PreviewService({ details, nodeCount: (c) => cache.nodeCount(c), emit: a.emit, corpus: a.corpus, storeDir: a.dataDir });
  const t: TagDeps = { clientFor: a.clientFor, cache, details, emit: a.emit };
  const d: DetailsDeps = { clientFor: a.clientFor, cache, details, preview, emit: a.emit, syncs: new Map() };
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
    cache,
    async close() {
      await preview.close();
    },
  };
}
