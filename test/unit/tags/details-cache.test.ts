import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import { DetailsCache } from '../../../src-main/console/tags/details-cache';
import { DatabaseTooNew } from '../../../src-main/sqlite/migrate';

const dirs: string[] = [];
function tempPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tags-cache-'));
  dirs.push(dir);
  return join(dir, 'cache.sqlite');
}
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

const n = (systemId: string, tags: string[] = []) => ({ systemId, hostname: `h-${systemId}`, statusName: 'Ready', tags, fingerprint: `fp-${systemId}` });

describe('DetailsCache', () => {
  test('keeps details per connection, deflated, and gives them back as text (null stays null)', () => {
    const path = tempPath();
    const cache = new DetailsCache(path);
    const lshw = `<node id="x">${'<node class="memory"><size units="bytes">1</size></node>'.repeat(500)}</node>`;
    cache.replaceNodes('c1', [n('a'), n('b')]);
    cache.putDetails('c1', { systemId: 'a', lshw, lldp: null, fingerprint: 'fp-a', fetchedAt: '2026-01-01T00:00:00.000Z' });
    expect(cache.details('c1', 'a')).toEqual({ systemId: 'a', lshw, lldp: null, fingerprint: 'fp-a', fetchedAt: '2026-01-01T00:00:00.000Z' });
    expect(cache.details('c1', 'b')).toBeNull();
    expect(cache.details('c2', 'a')).toBeNull();
    cache.close();
    const raw = new Database(path, { readonly: true });
    const stored = raw.prepare('SELECT length(lshw) AS bytes FROM details').get() as { bytes: number };
    raw.close();
    expect(stored.bytes).toBeLessThan(lshw.length / 10); // repetitive XML deflates well
  });

  test('replacing the node list drops the details of nodes that are gone', () => {
    const cache = new DetailsCache(tempPath());
    cache.replaceNodes('c1', [n('a', ['x']), n('b')]);
    cache.putDetails('c1', { systemId: 'b', lshw: '<node/>', lldp: '<lldp/>', fingerprint: 'fp-b', fetchedAt: 't' });
    cache.replaceNodes('c1', [n('a', ['x', 'y'])]);
    expect(cache.nodes('c1').map((x) => [x.systemId, x.tags])).toEqual([['a', ['x', 'y']]]);
    expect(cache.details('c1', 'b')).toBeNull();
    expect(cache.detailsPage('c1', '', 10)).toEqual([]);
    cache.close();
  });

  test('pages through the cached details in system-id order', () => {
    const cache = new DetailsCache(tempPath());
    const ids = ['d', 'a', 'c', 'b', 'e'];
    cache.replaceNodes('c1', ids.map((id) => n(id)));
    for (const id of ids) cache.putDetails('c1', { systemId: id, lshw: `<node id="${id}"/>`, lldp: null, fingerprint: 'f', fetchedAt: 't' });
    const first = cache.detailsPage('c1', '', 2);
    expect(first.map((d) => d.systemId)).toEqual(['a', 'b']);
    expect(cache.detailsPage('c1', 'b', 2).map((d) => d.systemId)).toEqual(['c', 'd']);
    expect(cache.detailsPage('c1', 'd', 2).map((d) => [d.systemId, d.lshw])).toEqual([['e', '<node id="e"/>']]);
    cache.close();
  });

  test('remembers the last sync and the last tag list', () => {
    const path = tempPath();
    const cache = new DetailsCache(path);
    cache.markSynced('c1', '2026-11-23T10:00:00.000Z');
    cache.putTags('c1', [{ name: 'gpu', definition: '//node', comment: '', kernelOpts: null }], '2026-11-23T10:00:01.000Z');
    cache.close();
    const again = new DetailsCache(path);
    expect(again.lastSync('c1')).toBe('2026-11-23T10:00:00.000Z');
    expect(again.lastSync('c2')).toBeNull();
    expect(again.tags('c1')?.tags.map((t) => t.name)).toEqual(['gpu']);
    again.close();
  });

  test('a cache written by a newer console is refused, not rewritten', () => {
    const path = tempPath();
    const raw = new Database(path);
    raw.pragma('user_version = 9999');
    raw.close();
    expect(() => new DetailsCache(path)).toThrow(DatabaseTooNew);
  });
});
