// The last node list of each connection on disk, so a restart shows the inventory at once
// (PERFORMANCE.md: cold start to a usable inventory with 10,000 nodes cached < 1.5 s) and
// the floor can keep working offline. One JSON file per connection, replaced atomically;
// node summaries hold no secrets (power parameters are never part of them).
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NodeSummary } from '../../../src-shared/contract/maas-types';

export interface CachedList { fetchedAt: string; nodes: NodeSummary[] }

const FORMAT = 1;
const fileName = (connectionId: string) => `${connectionId.replace(/[^A-Za-z0-9_-]/g, (c) => `%${c.charCodeAt(0).toString(16)}`)}.json`;

export class NodeCache {
  constructor(readonly dir: string) {}

  read(connectionId: string): CachedList | null {
    try {
      const doc = JSON.parse(readFileSync(join(this.dir, fileName(connectionId)), 'utf8')) as { format?: number } & CachedList;
      if (doc.format !== FORMAT || !Array.isArray(doc.nodes) || typeof doc.fetchedAt !== 'string') return null;
      return { fetchedAt: doc.fetchedAt, nodes: doc.nodes };
    } catch {
      return null; // none yet, or unreadable: the server is asked instead
    }
  }

  write(connectionId: string, list: CachedList): void {
    mkdirSync(this.dir, { recursive: true });
    const path = join(this.dir, fileName(connectionId));
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ format: FORMAT, ...list }), { mode: 0o600 });
    renameSync(tmp, path);
  }

  forget(connectionId: string): void {
    rmSync(join(this.dir, fileName(connectionId)), { force: true });
  }
}
