// The inventory's columns: how each shows a node, sorts and exports. One table drives the
// grid, the sort, the column menu and the CSV, so they never disagree.
import type { NodeSummary } from '../contract/maas-types';

export type ColumnId =
  | 'hostname' | 'systemId' | 'status' | 'power' | 'zone' | 'arch' | 'cpu' | 'memory'
  | 'storage' | 'tags' | 'owner' | 'macs' | 'pool' | 'os';

export interface Column {
  id: ColumnId;
  label: string;
  /** Text written to CSV, and shown in the grid unless `cell` says otherwise. */
  text: (n: NodeSummary) => string;
  /** Shorter text for the grid (the full text is the cell's tooltip). */
  cell?: (n: NodeSummary) => string;
  /** Sort key: numbers sort numerically, strings naturally ("node-9" before "node-10"). */
  sortKey: (n: NodeSummary) => string | number;
  /** Default width in px; numbers are right-aligned. */
  width: number;
  numeric?: boolean;
}

/** MiB → "16 GiB" (MAAS reports memory in MiB). */
export const formatMemory = (mib: number): string =>
  mib <= 0 ? '—' : mib >= 1024 ? `${+(mib / 1024).toFixed(1)} GiB` : `${mib} MiB`;
/** MB → "500 GB" (MAAS reports storage in MB, decimal). */
export const formatStorage = (mb: number): string =>
  mb <= 0 ? '—' : mb >= 1e6 ? `${+(mb / 1e6).toFixed(1)} TB` : mb >= 1000 ? `${+(mb / 1000).toFixed(1)} GB` : `${mb} MB`;

export const columns: readonly Column[] = [
  { id: 'hostname', label: 'Hostname', text: (n) => n.hostname, sortKey: (n) => n.hostname, width: 136 },
  { id: 'systemId', label: 'System ID', text: (n) => n.systemId, sortKey: (n) => n.systemId, width: 92 },
  { id: 'status', label: 'Status', text: (n) => n.statusName, sortKey: (n) => n.statusName, width: 168 },
  { id: 'power', label: 'Power', text: (n) => n.powerState, sortKey: (n) => n.powerState, width: 68 },
  { id: 'zone', label: 'Zone', text: (n) => n.zone ?? '', sortKey: (n) => n.zone ?? '', width: 80 },
  { id: 'arch', label: 'Architecture', text: (n) => n.architecture, sortKey: (n) => n.architecture, width: 120 },
  { id: 'cpu', label: 'CPUs', text: (n) => String(n.cpuCount), sortKey: (n) => n.cpuCount, width: 52, numeric: true },
  { id: 'memory', label: 'Memory', text: (n) => formatMemory(n.memory), sortKey: (n) => n.memory, width: 76, numeric: true },
  { id: 'storage', label: 'Storage', text: (n) => formatStorage(n.storage), sortKey: (n) => n.storage, width: 84, numeric: true },
  { id: 'tags', label: 'Tags', text: (n) => n.tags.join(', '), sortKey: (n) => n.tags.join(','), width: 90 },
  { id: 'owner', label: 'Owner', text: (n) => n.owner ?? '', sortKey: (n) => n.owner ?? '', width: 72 },
  // The first MAC whole (a truncated MAC is no use on the floor), then how many more.
  { id: 'macs', label: 'MACs', text: (n) => n.macAddresses.join(' '), sortKey: (n) => n.macAddresses[0] ?? '', width: 150,
    cell: (n) => (n.macAddresses.length > 1 ? `${n.macAddresses[0]} +${n.macAddresses.length - 1}` : n.macAddresses[0] ?? '') },
  { id: 'pool', label: 'Pool', text: (n) => n.pool ?? '', sortKey: (n) => n.pool ?? '', width: 90 },
  { id: 'os', label: 'OS', text: (n) => (n.osystem ? `${n.osystem}/${n.distroSeries}` : ''), sortKey: (n) => `${n.osystem}/${n.distroSeries}`, width: 100 },
];

export const columnById: ReadonlyMap<ColumnId, Column> = new Map(columns.map((c) => [c.id, c]));

/** The columns shown before the technician changes anything: those the issue names. */
export const defaultColumnIds: readonly ColumnId[] =
  ['hostname', 'systemId', 'status', 'power', 'zone', 'arch', 'cpu', 'memory', 'storage', 'tags', 'owner', 'macs'];

export const isColumnId = (v: unknown): v is ColumnId => typeof v === 'string' && columnById.has(v as ColumnId);
