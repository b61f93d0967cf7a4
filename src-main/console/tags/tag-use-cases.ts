// The tags of a connection: list with node counts, create, edit, delete, and the nodes of a
// tag. When the server cannot be reached the list and the nodes come from the local cache
// (marked so); changes need the server.
import { orKept, serverGone } from '../snapshot/offline';
import { ConsoleFailure } from '../../../src-shared/contract/errors';
import type { Emit } from '../../ipc/dispatcher';
import type { NodeDetails, NodeSummary, TagInfo } from '../../../src-shared/contract/maas-types';
import type { TagList, TagNode } from '../../../src-shared/contract/tags';
import { checkDefinition } from '../../xpath/index';
import type { CachedNode } from '../details/node-fingerprint';
import { refreshNodes, type TagStores } from './details-sync';

/** What the tags area needs of a MAAS client (maas-client's MaasClient has all of it). */
export interface TagsClient {
  listTags(): Promise<TagInfo[]>;
  createTag(t: { name: string; definition?: string; comment?: string; kernelOpts?: string }): Promise<TagInfo>;
  updateTag(name: string, changes: { name?: string; definition?: string; comment?: string; kernelOpts?: string }): Promise<TagInfo>;
  deleteTag(name: string): Promise<void>;
  tagNodes(name: string): Promise<NodeSummary[]>;
  listNodes(): Promise<NodeSummary[]>;
  details(systemId: string): Promise<NodeDetails>;
}
export type ClientFor = (connectionId: string) => Promise<TagsClient>;

export interface TagDeps extends TagStores {
  clientFor: ClientFor;
  emit: Emit;
  now?: () => Date;
}

export interface TagDraft { name: string; definition: string; comment: string; kernelOpts: string }

function countTags(nodes: CachedNode[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const n of nodes) for (const t of n.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

export async function listTags(d: TagDeps, connectionId: string): Promise<TagList> {
  const at = (d.now?.() ?? new Date()).toISOString();
  let tags: TagInfo[];
  let fromCache = false;
  let listedAt = at;
  try {
    const client = await d.clientFor(connectionId);
    tags = await client.listTags();
    d.cache.putTags(connectionId, tags, at);
    await refreshNodes(d, connectionId, client);
  } catch (e) {
    const cached = d.cache.tags(connectionId);
    if (!serverGone(e) || cached === null) throw e;
    ({ tags } = cached);
    listedAt = cached.at;
    fromCache = true;
  }
  const counts = countTags(d.cache.nodes(connectionId));
  return { tags: tags.map((t) => ({ ...t, nodeCount: counts.get(t.name) ?? 0 })), fromCache, at: listedAt };
}

/** MAAS refuses a definition that does not compile with 400 "Invalid xpath expression: …"; say so before asking. */
export async function refuseInvalid(definition: string): Promise<void> {
  if (definition === '') return; // an empty definition makes a manual tag
  const check = await checkDefinition(definition);
  if (!check.ok) throw new ConsoleFailure('bad-input', `Invalid xpath expression: ${check.message}`);
}

export async function createTag(d: TagDeps, connectionId: string, t: TagDraft): Promise<TagInfo> {
  await refuseInvalid(t.definition);
  const created = await (await d.clientFor(connectionId)).createTag(t);
  d.emit('tags.changed', { connectionId });
  return created;
}

export async function updateTag(d: TagDeps, connectionId: string, name: string, t: TagDraft): Promise<TagInfo> {
  await refuseInvalid(t.definition);
  const updated = await (await d.clientFor(connectionId)).updateTag(name, t);
  d.emit('tags.changed', { connectionId });
  return updated;
}

export async function deleteTag(d: TagDeps, connectionId: string, name: string): Promise<{ deleted: true }> {
  await (await d.clientFor(connectionId)).deleteTag(name);
  d.emit('tags.changed', { connectionId });
  return { deleted: true };
}

export async function tagNodes(d: TagDeps, connectionId: string, name: string): Promise<TagNode[]> {
  const nodes = await orKept<TagNode[]>(async () => (await d.clientFor(connectionId)).tagNodes(name),
    () => d.cache.nodes(connectionId).filter((n) => n.tags.includes(name)));
  return nodes.map(({ systemId, hostname, statusName, tags }) => ({ systemId, hostname, statusName, tags }));
}
