// The one home of remote and local nodes' details (lshw, LLDP) and of each node detail as last
// shown, per connection and system id, in the settings database (`node_details`). The node
// detail panel, the raw lshw, the Tags view's preview corpus and explorer, the fleet's tag
// preview and find-anywhere's serials all read through here; nothing else keeps details.
// Details are stored deflated (lshw XML compresses about tenfold). Listeners hear of every
// change, so a preview corpus follows details fetched by any view.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { NodeDetailView } from '../../../src-shared/contract/inventory';
import type { SettingsDb } from '../../connections/settings-db';

/** A node's details as fetched whole (`details`: lshw and LLDP). */
export interface KeptDetails {
  systemId: string;
  lshw: string | null;
  lldp: string | null;
  /** The node's fingerprint when the details were fetched (node-fingerprint.ts). */
  fingerprint: string;
  fetchedAt: string;
}

export interface KeptView { takenAt: string; detail: NodeDetailView }

/** Details fetched again (`details`) or gone (`null`) for one node of a connection. */
/** The version `versions()` gives a node's details (the same formula as its query). */
export const versionOf = (d: Pick<KeptDetails, 'fetchedAt' | 'fingerprint'>): string => `${d.fetchedAt}|${d.fingerprint}`;

export type DetailsListener = (connectionId: string, systemId: string, details: KeptDetails | null) => void;

const pack = (text: string | null): Buffer | null => (text === null ? null : deflateRawSync(Buffer.from(text, 'utf8')));
const unpack = (blob: Buffer | null): string | null => (blob === null ? null : inflateRawSync(blob).toString('utf8'));

interface Row { system_id: string; lshw: Buffer | null; lldp: Buffer | null; fingerprint: string; fetched_at: string }
const toDetails = (r: Row): KeptDetails =>
  ({ systemId: r.system_id, lshw: unpack(r.lshw), lldp: unpack(r.lldp), fingerprint: r.fingerprint, fetchedAt: r.fetched_at });

/** The machine's serial, then its disks', from a node detail's hardware summary. */
export function serialsOf(view: NodeDetailView): string[] {
  const hw = view.hardware;
  return [hw?.serial ?? null, ...(hw?.disks ?? []).map((d) => d.serial)].filter((s): s is string => !!s);
}

// Rows whose fingerprint is NULL hold only an lshw kept with a node detail before details had
// one home: whole details (LLDP too) are what a tag preview needs, so those wait for a fetch.
const WHOLE = 'fingerprint IS NOT NULL';

export class NodeDetailsStore {
  readonly #db: SettingsDb;
  readonly #q;
  readonly #listeners = new Set<DetailsListener>();
  /** Serials per connection, parsed from the kept views once and then kept current by the writes. */
  readonly #serials = new Map<string, Map<string, string[]>>();

  constructor(db: SettingsDb, private now: () => Date = () => new Date()) {
    this.#db = db;
    this.#q = {
      put: db.prepare(`INSERT INTO node_details (connection_id, system_id, lshw, lldp, fingerprint, fetched_at) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (connection_id, system_id) DO UPDATE SET lshw = excluded.lshw, lldp = excluded.lldp,
        fingerprint = excluded.fingerprint, fetched_at = excluded.fetched_at`),
      putView: db.prepare('UPDATE node_details SET view_json = ?, view_at = ? WHERE connection_id = ? AND system_id = ?'),
      get: db.prepare<[string, string], Row>(`SELECT system_id, lshw, lldp, fingerprint, fetched_at FROM node_details WHERE connection_id = ? AND system_id = ? AND ${WHOLE}`),
      lshw: db.prepare<[string, string], { lshw: Buffer | null }>('SELECT lshw FROM node_details WHERE connection_id = ? AND system_id = ?'),
      view: db.prepare<[string, string], { view_json: string; view_at: string }>(
        'SELECT view_json, view_at FROM node_details WHERE connection_id = ? AND system_id = ? AND view_json IS NOT NULL'),
      views: db.prepare<[string], { system_id: string; view_json: string }>('SELECT system_id, view_json FROM node_details WHERE connection_id = ? AND view_json IS NOT NULL'),
      fingerprints: db.prepare<[string], { system_id: string; fingerprint: string }>(`SELECT system_id, fingerprint FROM node_details WHERE connection_id = ? AND ${WHOLE}`),
      withLshw: db.prepare<[string], { system_id: string }>(`SELECT system_id FROM node_details WHERE connection_id = ? AND lshw IS NOT NULL AND ${WHOLE}`),
      versions: db.prepare<[string], { system_id: string; version: string }>(
        `SELECT system_id, fetched_at || '|' || fingerprint AS version FROM node_details WHERE connection_id = ? AND ${WHOLE}`),
      page: db.prepare<[string, string, number], Row>(
        `SELECT system_id, lshw, lldp, fingerprint, fetched_at FROM node_details WHERE connection_id = ? AND system_id > ? AND ${WHOLE} ORDER BY system_id LIMIT ?`),
      connections: db.prepare<[], { connection_id: string }>(`SELECT DISTINCT connection_id FROM node_details WHERE ${WHOLE}`),
      evict: db.prepare('DELETE FROM node_details WHERE connection_id = ? AND system_id = ?'),
      forget: db.prepare('DELETE FROM node_details WHERE connection_id = ?'),
    };
  }

  /** Hears of every change of whole details; returns the way to stop. */
  listen(l: DetailsListener): () => void {
    this.#listeners.add(l);
    return () => this.#listeners.delete(l);
  }

  #tell(connectionId: string, systemId: string, d: KeptDetails | null): void {
    for (const l of this.#listeners) l(connectionId, systemId, d);
  }

  /** A node's details as just fetched whole. */
  put(connectionId: string, d: KeptDetails): void {
    this.#q.put.run(connectionId, d.systemId, pack(d.lshw), pack(d.lldp), d.fingerprint, d.fetchedAt);
    this.#tell(connectionId, d.systemId, d);
  }

  /** A node detail as shown (secrets already masked) with the details it was read with. */
  putView(connectionId: string, view: NodeDetailView, d: KeptDetails): void {
    this.#db.transaction(() => {
      this.#q.put.run(connectionId, d.systemId, pack(d.lshw), pack(d.lldp), d.fingerprint, d.fetchedAt);
      this.#q.putView.run(JSON.stringify(view), this.now().toISOString(), connectionId, d.systemId);
    })();
    const serials = this.#serials.get(connectionId);
    if (serials) {
      const s = serialsOf(view);
      if (s.length) serials.set(d.systemId, s);
      else serials.delete(d.systemId);
    }
    this.#tell(connectionId, d.systemId, d);
  }

  /** Whole details of a node, or null when none are kept. */
  get(connectionId: string, systemId: string): KeptDetails | null {
    const r = this.#q.get.get(connectionId, systemId);
    return r ? toDetails(r) : null;
  }

  /** The node's lshw as last fetched; undefined when it never was, null when the server had none. */
  lshw(connectionId: string, systemId: string): string | null | undefined {
    const r = this.#q.lshw.get(connectionId, systemId);
    return r ? unpack(r.lshw) : undefined;
  }

  /** The node detail as last shown. */
  view(connectionId: string, systemId: string): KeptView | null {
    const r = this.#q.view.get(connectionId, systemId);
    return r ? { takenAt: r.view_at, detail: JSON.parse(r.view_json) as NodeDetailView } : null;
  }

  /** system id → fingerprint the kept details were fetched under. */
  fingerprints(connectionId: string): Map<string, string> {
    return new Map(this.#q.fingerprints.all(connectionId).map((r) => [r.system_id, r.fingerprint]));
  }

  /** Nodes whose kept details include an lshw document (commissioned ones). */
  withLshw(connectionId: string): Set<string> {
    return new Set(this.#q.withLshw.all(connectionId).map((r) => r.system_id));
  }

  /** system id → a version of its details (changes whenever they are fetched again). */
  versions(connectionId: string): Map<string, string> {
    return new Map(this.#q.versions.all(connectionId).map((r) => [r.system_id, r.version]));
  }

  /**
   * Whole details in system-id order, `limit` at a time after `after` ('' to start): lets a
   * caller yield between pages (an open better-sqlite3 iterator would lock the connection).
   */
  page(connectionId: string, after: string, limit: number): KeptDetails[] {
    return this.#q.page.all(connectionId, after, limit).map(toDetails);
  }

  /** Connections with whole details kept. */
  connections(): string[] {
    return this.#q.connections.all().map((r) => r.connection_id);
  }

  /** Serial numbers (machine, then disks) of every node whose detail was shown, by system id. */
  serials(connectionId: string): ReadonlyMap<string, string[]> {
    let out = this.#serials.get(connectionId);
    if (!out) {
      out = new Map();
      for (const r of this.#q.views.iterate(connectionId)) {
        const s = serialsOf(JSON.parse(r.view_json) as NodeDetailView);
        if (s.length) out.set(r.system_id, s);
      }
      this.#serials.set(connectionId, out);
    }
    return out;
  }

  /** Nodes gone from their server. */
  evict(connectionId: string, systemIds: string[]): void {
    this.#db.transaction(() => { for (const id of systemIds) this.#q.evict.run(connectionId, id); })();
    for (const id of systemIds) {
      this.#serials.get(connectionId)?.delete(id);
      this.#tell(connectionId, id, null);
    }
  }

  /** Everything kept of a connection (removed, or its server changed). */
  forget(connectionId: string): void {
    const ids = [...this.fingerprints(connectionId).keys()];
    this.#q.forget.run(connectionId);
    this.#serials.delete(connectionId);
    for (const id of ids) this.#tell(connectionId, id, null);
  }
}

/**
 * A connection's whole details, a page at a time in system-id order, with a turn of the
 * event loop between pages so the main process keeps answering while thousands load.
 * Stops early when `stop` says so.
 */
export async function* detailPages(
  details: Pick<NodeDetailsStore, 'page'>, connectionId: string, size: number, stop: () => boolean = () => false,
): AsyncGenerator<KeptDetails[]> {
  for (let after = ''; ;) {
    const page = details.page(connectionId, after, size);
    if (page.length > 0) yield page;
    if (page.length < size || stop()) return;
    after = page[page.length - 1].systemId;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
