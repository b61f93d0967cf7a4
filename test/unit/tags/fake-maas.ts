// An in-memory stand-in for the MAAS client, for the tags use-cases: nodes with details,
// tags, and a switch that makes every call fail as an unreachable server would.
import { ConsoleFailure } from '../../../src-shared/contract/errors';
import type { NodeDetails, NodeSummary, TagInfo } from '../../../src-shared/contract/maas-types';
import type { TagsClient } from '../../../src-main/console/tags/tag-use-cases';

export function node(systemId: string, over: Partial<NodeSummary> = {}): NodeSummary {
  return {
    systemId, hostname: `host-${systemId}`, status: 4, statusName: 'Ready', owner: null, zone: 'default', pool: null,
    architecture: 'amd64/generic', cpuCount: 4, memory: 8192, storage: 100_000, powerState: 'off', powerType: 'manual',
    tags: [], macAddresses: [`52:54:00:00:00:${systemId.slice(-2).padStart(2, '0')}`], ipAddresses: [],
    osystem: '', distroSeries: '', ...over,
  };
}

export class FakeMaas implements TagsClient {
  nodes = new Map<string, NodeSummary>();
  details_ = new Map<string, NodeDetails>();
  tags = new Map<string, TagInfo>();
  detailCalls: string[] = [];
  offline = false;
  failDetailsOf = new Set<string>();

  add(n: NodeSummary, d: NodeDetails = { lshw: `<node id="${n.systemId}" class="system"/>`, lldp: null }): this {
    this.nodes.set(n.systemId, n);
    this.details_.set(n.systemId, d);
    return this;
  }

  #reach(): void {
    if (this.offline) throw new ConsoleFailure('unreachable', 'fake MAAS: no answer');
  }

  async listNodes() { this.#reach(); return [...this.nodes.values()]; }
  async details(id: string) {
    this.#reach();
    this.detailCalls.push(id);
    if (this.failDetailsOf.has(id)) throw new ConsoleFailure('unavailable', `details of ${id}: 503`);
    const d = this.details_.get(id);
    if (!d) throw new ConsoleFailure('not-found', `no node ${id}`);
    return d;
  }
  async listTags() { this.#reach(); return [...this.tags.values()]; }
  async createTag(t: { name: string; definition?: string; comment?: string; kernelOpts?: string }) {
    this.#reach();
    const tag: TagInfo = { name: t.name, definition: t.definition ?? '', comment: t.comment ?? '', kernelOpts: t.kernelOpts ?? null };
    this.tags.set(t.name, tag);
    return tag;
  }
  async updateTag(name: string, c: { name?: string; definition?: string; comment?: string; kernelOpts?: string }) {
    this.#reach();
    const old = this.tags.get(name);
    if (!old) throw new ConsoleFailure('not-found', `no tag ${name}`);
    const tag: TagInfo = { name: c.name ?? old.name, definition: c.definition ?? old.definition, comment: c.comment ?? old.comment, kernelOpts: c.kernelOpts ?? old.kernelOpts };
    this.tags.delete(name);
    this.tags.set(tag.name, tag);
    return tag;
  }
  async deleteTag(name: string) { this.#reach(); this.tags.delete(name); }
  async tagNodes(name: string) { this.#reach(); return [...this.nodes.values()].filter((n) => n.tags.includes(name)); }
}
