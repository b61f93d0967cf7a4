import { expect, test } from 'vitest';
import { nodesCsv } from '../../../src-shared/inventory/csv';
import { indexNodes } from '../../../src-shared/inventory/node-index';
import { groupRows, rowKey, sortIndexed } from '../../../src-shared/inventory/view';
import { makeNode } from './make-node';

const entries = indexNodes([
  makeNode({ hostname: 'node-10', status: 4, statusName: 'Ready', zone: 'b', cpuCount: 2, powerState: 'on' }),
  makeNode({ hostname: 'node-9', status: 0, statusName: 'New', zone: 'a', cpuCount: 8 }),
  makeNode({ hostname: 'node-2', status: 4, statusName: 'Ready', zone: null, cpuCount: 8 }),
]);
const names = (es: { node: { hostname: string } }[]) => es.map((e) => e.node.hostname);

test('hostnames sort naturally; numbers numerically; ties keep hostname order both ways', () => {
  expect(names(sortIndexed(entries, { column: 'hostname', dir: 'asc' }))).toEqual(['node-2', 'node-9', 'node-10']);
  expect(names(sortIndexed(entries, { column: 'cpu', dir: 'asc' }))).toEqual(['node-10', 'node-2', 'node-9']);
  expect(names(sortIndexed(entries, { column: 'cpu', dir: 'desc' }))).toEqual(['node-2', 'node-9', 'node-10']);
  expect(names(sortIndexed(entries, { column: 'status', dir: 'asc' }))).toEqual(['node-9', 'node-2', 'node-10']);
});

test('grouping by status orders groups by MAAS status value and collapses on request', () => {
  const sorted = sortIndexed(entries, { column: 'hostname', dir: 'asc' });
  const rows = groupRows(sorted, 'status', new Set());
  expect(rows.map((r) => (r.kind === 'group' ? `[${r.label} ${r.count}]` : r.entry.node.hostname)))
    .toEqual(['[New 1]', 'node-9', '[Ready 2]', 'node-2', 'node-10']);
  const collapsed = groupRows(sorted, 'status', new Set(['status:4']));
  expect(collapsed.map(rowKey)).toEqual(['g:status:0', entries[1].node.systemId, 'g:status:4']);
});

test('grouping by zone and power names nodes without a zone', () => {
  const labels = (by: 'zone' | 'power') =>
    groupRows(entries, by, new Set()).filter((r) => r.kind === 'group').map((r) => (r.kind === 'group' ? r.label : ''));
  expect(labels('zone')).toEqual(['(no zone)', 'a', 'b']);
  expect(labels('power')).toEqual(['off', 'on']);
});

test('CSV of the view: chosen columns in order, quoted, formulas defused', () => {
  const csv = nodesCsv([makeNode({ hostname: '=cmd|calc', tags: ['a', 'b'], memory: 16384, systemId: 'x1' })], ['systemId', 'hostname', 'tags', 'memory']);
  expect(csv).toBe('System ID,Hostname,Tags,Memory\r\nx1,"\'=cmd|calc","a, b",16 GiB');
});

test('a node keeps its row object from one grouping to the next (a keystroke allocates no row per node)', () => {
  const first = groupRows(entries, 'zone', new Set());
  const again = groupRows(entries.slice(1), 'status', new Set());
  const rowOf = (rows: typeof first, e: (typeof entries)[number]) => rows.find((r) => r.kind === 'node' && r.entry === e);
  expect(rowOf(again, entries[1])).toBe(rowOf(first, entries[1]));
  expect(groupRows(entries, 'none', new Set())[2]).toBe(rowOf(first, entries[2]));
});
