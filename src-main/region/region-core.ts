// The region's state and the domain steps every handler shares: status changes checked
// against MAAS's NODE_TRANSITIONS (src-shared/maas) and recorded as events, release,
// commissioning, details, tag membership. No HTTP here.
import type { Database } from 'better-sqlite3';
import { NodeStatus as S, canTransition, displayStatus, type NodeStatusValue } from '../../src-shared/maas/index';
import { conflict } from './http/errors';
import type { SecretBox } from './secrets/cipher';
import { ConfigStore } from './stores/config-store';
import { DetailsStore } from './stores/details-store';
import { EventsStore } from './stores/events-store';
import { FilesStore, SshKeysStore } from './stores/files-store';
import { NodesStore, type NodeRow } from './stores/nodes-store';
import { TagsStore } from './stores/tags-store';
import { UsersStore } from './stores/users-store';
import { ZonesStore } from './stores/zones-store';
import type { RegionPower } from './power-port';
import type { TagDoc, TagEngine } from './tags/tag-engine';
import type { TagRebuilder } from './tags/rebuilder';
import type { DetailFacts } from './details/check-xml';
import { GroupCommit } from './db/group-commit';

export class RegionCore {
  readonly config: ConfigStore;
  readonly users: UsersStore;
  readonly nodes: NodesStore;
  readonly tags: TagsStore;
  readonly events: EventsStore;
  readonly zones: ZonesStore;
  readonly files: FilesStore;
  readonly sshKeys: SshKeysStore;
  readonly details: DetailsStore;
  /** Small writes from concurrent requests, committed together (db/group-commit.ts). */
  readonly group: GroupCommit;
  rebuilder: TagRebuilder | null = null;
  readonly #installable;

  constructor(
    readonly db: Database,
    readonly box: SecretBox,
    readonly power: RegionPower,
    readonly tagEngine: TagEngine | null,
    readonly nodegroupUuid: string,
    readonly log: (text: string) => void,
  ) {
    this.config = new ConfigStore(db);
    this.users = new UsersStore(db, box);
    this.nodes = new NodesStore(db, box);
    this.tags = new TagsStore(db);
    this.events = new EventsStore(db);
    this.zones = new ZonesStore(db);
    this.files = new FilesStore(db);
    this.sshKeys = new SshKeysStore(db);
    this.details = new DetailsStore(db);
    this.group = new GroupCommit(db);
    this.#installable = db.prepare('SELECT id FROM nodes WHERE installable = 1 ORDER BY id').pluck();
  }

  /** One IMMEDIATE transaction: a bulk operation is all or nothing. No await inside. */
  tx<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  /** Moves a node along NODE_TRANSITIONS (409 otherwise) and records the event. */
  changeStatus(node: NodeRow, to: NodeStatusValue): NodeRow {
    if (node.status === to) return node;
    if (!canTransition(node.status, to)) {
      throw conflict(`Node ${node.system_id} cannot go from '${displayStatus(node.status)}' to '${displayStatus(to)}'.`);
    }
    this.nodes.setStatus(node.id, to);
    this.events.record(node.id, 'NODE_CHANGED_STATUS', `From '${displayStatus(node.status)}' to '${displayStatus(to)}'`);
    return { ...node, status: to };
  }

  /**
   * Starts commissioning. Without PXE nothing runs on the machine: commissioning completes
   * when lshw details are attached (set_details), at once if the node already has them.
   */
  startCommissioning(node: NodeRow): NodeRow {
    const n = this.changeStatus(node, S.COMMISSIONING);
    return this.details.get(n.id)?.lshw ? this.changeStatus(n, S.READY) : n;
  }

  /** MAAS release_or_erase: back to Ready (or Disk erasing when configured), unowned. */
  release(node: NodeRow): NodeRow {
    const erase = this.config.get('enable_disk_erasing_on_release') === true;
    const n = this.changeStatus(node, erase ? S.DISK_ERASING : S.READY);
    this.nodes.update(n.id, { owner_id: null, token_id: null, agent_name: '', osystem: '', distro_series: '' });
    return { ...n, owner_id: null, token_id: null };
  }

  /** Stores details exactly as received (the other kind kept), facts taken from them. */
  storeDetails(node: NodeRow, lshw: Buffer | undefined, lldp: Buffer | undefined, facts: DetailFacts): NodeRow {
    const old = this.details.get(node.id);
    this.details.set(node.id, lshw ?? old?.lshw ?? null, lldp ?? old?.lldp ?? null);
    const parts = [lshw && `lshw (${lshw.length} bytes)`, lldp && `lldp (${lldp.length} bytes)`].filter(Boolean);
    this.events.record(node.id, 'NODE_DETAILS_UPLOADED', parts.join(', '));
    if (lshw) this.nodes.update(node.id, { cpu_count: facts.cpuCount ?? 0, memory: facts.memoryMiB ?? 0 });
    if (lldp) this.nodes.update(node.id, { routers: JSON.stringify(facts.routers ?? []) });
    const n = this.nodes.byId(node.id)!;
    return lshw && n.status === S.COMMISSIONING ? this.changeStatus(n, S.READY) : n;
  }

  installableNodeIds(): number[] {
    return this.#installable.all() as number[];
  }

  /** Documents for the XPath matcher; nodes without details are evaluated too (current MAAS). */
  tagDocs(nodeIds: number[]): TagDoc[] {
    const byId = new Map(this.details.many(nodeIds).map((d) => [d.node_id, d]));
    return nodeIds.map((id) => {
      const d = byId.get(id);
      return { id: String(id), lshw: d?.lshw?.toString('utf8') ?? null, lldp: d?.lldp?.toString('utf8') ?? null };
    });
  }

  /** Applies one evaluation of `definition` over `nodeIds`; ignored if the tag changed since. */
  applyTagEvaluation(tagId: number, definition: string, nodeIds: number[], matched: Set<number>): void {
    this.tx(() => {
      const tag = this.tags.byId(tagId);
      if (!tag || tag.definition !== definition) return;
      const current = this.tags.memberIds(tagId);
      const alive = new Set(this.db.prepare('SELECT id FROM nodes WHERE id IN (SELECT value FROM json_each(?))').pluck()
        .all(JSON.stringify(nodeIds)) as number[]);
      for (const id of nodeIds) {
        if (!alive.has(id)) continue;
        if (matched.has(id) && !current.has(id)) this.tag(tag.id, tag.name, id);
        else if (!matched.has(id) && current.has(id)) this.untag(tag.id, tag.name, id);
      }
    });
  }

  tag(tagId: number, tagName: string, nodeId: number): boolean {
    const added = this.tags.addMember(tagId, nodeId);
    if (added) this.events.record(nodeId, 'NODE_TAGGED', `Tag '${tagName}' added`);
    return added;
  }

  untag(tagId: number, tagName: string, nodeId: number): boolean {
    const removed = this.tags.removeMember(tagId, nodeId);
    if (removed) this.events.record(nodeId, 'NODE_UNTAGGED', `Tag '${tagName}' removed`);
    return removed;
  }
}
