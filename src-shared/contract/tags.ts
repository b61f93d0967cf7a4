// Tags and the live XPath preview, and the nodes' hardware details the preview
// runs over. A preview streams: `tags.preview` answers at once with an id, matches arrive
// as `tags.preview.batch` events, and `tags.preview.end` says how it ended. A newer
// preview cancels any older one still running (only the newest definition matters).
import { z } from 'zod';
import { channel, event, returns } from './channel';
import type { TagInfo } from './maas-types';

export interface TagRow extends TagInfo {
  /** How many nodes carry the tag now (from the node list). */
  nodeCount: number;
}

export interface TagList {
  tags: TagRow[];
  /** True when the server could not be reached and this is the list last read from it. */
  fromCache: boolean;
  /** ISO time the list was read from the server. */
  at: string;
}

/** A node as the tags view shows it: enough to name it and to know its tags. */
export interface TagNode {
  systemId: string;
  hostname: string;
  statusName: string;
  tags: string[];
  /** Its cached details hold an lshw document (the explorer opens on such a node). */
  hasLshw?: boolean;
}

export type DefinitionCheck =
  | { ok: true }
  /** libxml2's reason (the text MAAS's 400 shows) and the offset in the definition it points at. */
  | { ok: false; message: string; position: number | null };

export interface PreviewStarted {
  previewId: string;
  /** Nodes the preview evaluates (those whose details are known). */
  total: number;
  /** Nodes left out because their details have not been fetched yet. */
  unknown: number;
}

export interface PreviewBatch {
  previewId: string;
  /** System ids that match, found since the last batch. */
  matched: string[];
  /** Nodes evaluated so far, of `total`. */
  done: number;
  total: number;
}

export interface PreviewEnd {
  previewId: string;
  outcome: 'complete' | 'cancelled' | 'invalid' | 'failed';
  /** Every matching system id (complete only), so a missed batch cannot skew the result. */
  matched: string[];
  message: string | null;
}

/** What the console knows of a connection's nodes' details (the preview corpus). */
export interface DetailsStatus {
  connectionId: string;
  nodes: TagNode[];
  /** System ids whose details are cached locally. */
  cached: number;
  /** Nodes whose details were never fetched, or may have changed since. */
  stale: number;
  /** Of those, nodes being commissioned now (their details are being rewritten; fetched once done). */
  commissioning?: number;
  /** ISO time of the last completed fetch, or null. */
  lastSync: string | null;
}

export interface DetailsProgress {
  connectionId: string;
  done: number;
  total: number;
  failed: number;
}

export interface DetailsSyncResult {
  connectionId: string;
  fetched: number;
  reused: number;
  failed: { systemId: string; message: string }[];
}

export interface NodeDetailsView {
  systemId: string;
  hostname: string;
  lshw: string | null;
  lldp: string | null;
  fetchedAt: string;
}

// MAAS tag names: letters, digits, `-` and `_` (src/maasserver/models/tag.py, validate_tag_name).
const TagName = z.string().min(1).max(256).regex(/^[\w-]+$/, 'letters, digits, - and _ only');
const ConnectionId = z.string().min(1).max(100);
const SystemId = z.string().min(1).max(100);
// A definition is an XPath expression; MAAS stores it as text. 10,000 characters is generous.
const Definition = z.string().max(10_000);
const Comment = z.string().max(10_000);
const KernelOpts = z.string().max(4_096);
const PreviewId = z.string().min(1).max(100);

export const TagDraft = z.object({
  name: TagName,
  definition: Definition,
  comment: Comment,
  kernelOpts: KernelOpts,
}).strict();

export const tagsChannels = {
  'tags.list': channel(z.object({ connectionId: ConnectionId }).strict(), returns<TagList>()),
  /** With the server offline the tag is recorded in its change set: `recorded` says so and where. */
  'tags.create': channel(z.object({ connectionId: ConnectionId, tag: TagDraft }).strict(), returns<TagInfo & { recorded?: string }>()),
  'tags.update': channel(
    z.object({ connectionId: ConnectionId, name: TagName, tag: TagDraft }).strict(),
    returns<TagInfo & { recorded?: string }>(),
  ),
  /** `deleted` is false when the server was offline and the deletion was `recorded` for later. */
  'tags.delete': channel(z.object({ connectionId: ConnectionId, name: TagName }).strict(), returns<{ deleted: boolean; recorded?: string }>()),
  'tags.nodes': channel(z.object({ connectionId: ConnectionId, name: TagName }).strict(), returns<TagNode[]>()),
  'tags.check': channel(z.object({ definition: Definition }).strict(), returns<DefinitionCheck>()),
  /** `previewId` is chosen by the caller, so it knows its events before the answer arrives. */
  'tags.preview': channel(
    z.object({ connectionId: ConnectionId, definition: Definition.min(1), previewId: PreviewId }).strict(),
    returns<PreviewStarted>(),
  ),
  'tags.cancelPreview': channel(z.object({ previewId: PreviewId }).strict(), returns<{ cancelled: boolean }>()),
  'details.status': channel(z.object({ connectionId: ConnectionId }).strict(), returns<DetailsStatus>()),
  /** Fetches details the cache lacks or that may have changed (`all`: every node again). */
  'details.fetchAll': channel(
    z.object({ connectionId: ConnectionId, all: z.boolean().default(false) }).strict(),
    returns<DetailsSyncResult>(),
  ),
  'details.get': channel(z.object({ connectionId: ConnectionId, systemId: SystemId }).strict(), returns<NodeDetailsView>()),
} as const;

export const tagsEvents = {
  'tags.preview.batch': event<PreviewBatch>(),
  'tags.preview.end': event<PreviewEnd>(),
  'details.progress': event<DetailsProgress>(),
  /** The tags of a connection changed (created, edited, deleted, nodes re-tagged). */
  'tags.changed': event<{ connectionId: string }>(),
} as const;
