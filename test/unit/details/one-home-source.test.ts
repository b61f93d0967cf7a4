// Node details have one home in the console: only node-details-store.ts reads or writes the
// settings database's `node_details` table, and nothing but the migration that moved them
// names the old places. (The embedded region is a MAAS server with its own database, whose
// `node_details` are the server's, not a copy the console keeps: it is not scanned.)
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|svelte)$/.test(e.name) ? [join(dir, e.name)] : []);
}
const files = ['src-main', 'src-shared', 'src-renderer'].flatMap((d) => sources(join(ROOT, d)))
  .filter((f) => !relative(ROOT, f).startsWith('src-main/region/')).map((f) => ({ path: relative(ROOT, f), text: readFileSync(f, 'utf8') }));
const MIGRATIONS = 'src-main/connections/migrations/';

test('only the details store touches node_details', () => {
  const touching = files.filter((f) => /\bnode_details\b/.test(f.text) && !f.path.startsWith(MIGRATIONS)).map((f) => f.path);
  expect(touching).toEqual(['src-main/console/details/node-details-store.ts']);
});

test('no second copy: the snapshot table and the Tags view cache file are named only by the migrations', () => {
  const old = files.filter((f) => /remote_snapshot_details|details-cache\.sqlite|DetailsCache/.test(f.text) && !f.path.startsWith(MIGRATIONS));
  expect(old.map((f) => f.path)).toEqual([]);
});
