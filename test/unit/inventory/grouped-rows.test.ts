import { expect, test } from 'vitest';
import { GroupedRows } from '../../../src-shared/inventory/grouped-rows';
import { indexNode, type IndexedNode } from '../../../src-shared/inventory/node-index';
import { groupRows, sortIndexed, type GroupBy } from '../../../src-shared/inventory/view';
import { makeNode } from './make-node';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

test('rows from where the shown nodes sit are exactly groupRows of those nodes, for every grouping and collapsed groups', () => {
  const random = rng(5);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  // Zones the collator holds equal ("é"/"e"), spelled in two cases, and none; servers likewise.
  const source: IndexedNode[] = sortIndexed(Array.from({ length: 300 }, (_, i) => indexNode(makeNode({
    hostname: `n${i}`, status: pick([0, 4, 6, 2]), statusName: 'x', zone: pick(['rack-e', 'rack-é', 'Rack-E', null, 'b']), powerState: pick(['on', 'off', '']),
  }), pick(['This laptop', 'dc-east', 'DC-East', '']))), { column: 'hostname', dir: 'asc' });
  for (const e of source) (e.node as { statusName: string }).statusName = `S${e.node.status}`;
  const grouped = new GroupedRows<IndexedNode>();
  for (let k = 0; k < 200; k++) {
    const all = random() < 0.1;
    const indices = all ? null : source.map((_, i) => i).filter(() => random() < pick([0.02, 0.5, 0.95]));
    const entries = indices ? indices.map((i) => source[i]) : source;
    const by = pick<GroupBy>(['none', 'status', 'zone', 'power', 'server']);
    const keys = groupRows(source, by, new Set()).flatMap((r) => (r.kind === 'group' ? [r.key] : []));
    const collapsed = new Set(keys.filter(() => random() < 0.3));
    const got = grouped.rows({ source, entries, indices }, by, collapsed);
    expect(got, `${by} ${entries.length}`).toEqual(groupRows(entries, by, collapsed));
    // The same row objects as groupRows uses: the grid sees no change for an unchanged node.
    const want = groupRows(entries, by, collapsed);
    got.forEach((r, i) => { if (r.kind === 'node') expect(r).toBe(want[i]); });
  }
});

test('groups the collator holds equal come in the same order whichever of their nodes are shown', () => {
  const source = ['rack-e', 'rack-é', 'rack-e'].map((zone, i) => indexNode(makeNode({ hostname: `n${i}`, zone })));
  const grouped = new GroupedRows<IndexedNode>();
  for (const indices of [[0, 1, 2], [1, 2]]) {
    const entries = indices.map((i) => source[i]);
    const rows = grouped.rows({ source, entries, indices }, 'zone', new Set());
    expect(rows.flatMap((r) => (r.kind === 'group' ? [r.key] : []))).toEqual(['zone:rack-e', 'zone:rack-é']);
    expect(rows).toEqual(groupRows(entries, 'zone', new Set()));
  }
});
