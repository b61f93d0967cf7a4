// Group commit (db/group-commit.ts): writes queued in one turn share one transaction; one that
// throws is rolled back alone; every caller is answered after the commit; on a file database
// the group commits with synchronous NORMAL and the WAL is synced off the event loop.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from 'vitest';
import { GroupCommit } from '../../../src-main/region/db/group-commit';

function db() {
  const d = new Database(':memory:');
  d.exec('CREATE TABLE t (v TEXT UNIQUE)');
  return d;
}

test('writes of one turn share a transaction; a failing one is rolled back alone', async () => {
  const d = db();
  const g = new GroupCommit(d);
  let inTx = 0;
  const writes = ['a', 'b', 'a', 'c'].map((v) => g.run(() => {
    if (d.inTransaction) inTx++;
    d.prepare('INSERT INTO t VALUES (?)').run(v);
    return v;
  }));
  const settled = await Promise.allSettled(writes);
  expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
  expect((settled[2] as PromiseRejectedResult).reason.code).toBe('SQLITE_CONSTRAINT_UNIQUE');
  expect(inTx).toBe(4);
  expect(d.prepare('SELECT v FROM t ORDER BY v').pluck().all()).toEqual(['a', 'b', 'c']);
});

test('a write that throws mid-way leaves nothing of itself behind', async () => {
  const d = db();
  const g = new GroupCommit(d);
  const bad = g.run(() => {
    d.prepare('INSERT INTO t VALUES (?)').run('x');
    throw new Error('refused after writing');
  });
  const good = g.run(() => d.prepare('INSERT INTO t VALUES (?)').run('y'));
  await expect(bad).rejects.toThrow('refused after writing');
  await good;
  expect(d.prepare('SELECT v FROM t').pluck().all()).toEqual(['y']);
});

test('callers are answered only after the commit: a failed commit fails every write of the group', async () => {
  const d = db();
  d.pragma('foreign_keys = ON');
  d.exec('CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE c (pid INTEGER REFERENCES p(id) DEFERRABLE INITIALLY DEFERRED)');
  const g = new GroupCommit(d);
  // A deferred foreign key is checked at COMMIT only: the group's commit fails, after both
  // writes ran without error.
  const r = await Promise.allSettled([g.run(() => d.prepare('INSERT INTO t VALUES (?)').run('kept?')), g.run(() => d.exec('INSERT INTO c VALUES (42)'))]);
  expect(r.map((x) => x.status)).toEqual(['rejected', 'rejected']);
  expect(d.prepare('SELECT count(*) FROM t').pluck().get()).toBe(0);
  expect(await g.run(() => 3)).toBe(3);
});

test('on a file database: the group commits with synchronous NORMAL, every other write stays FULL; drain waits for the WAL sync', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'group-commit-'));
  try {
    const d = new Database(join(dir, 'g.db'));
    d.pragma('journal_mode = WAL');
    d.pragma('synchronous = FULL');
    d.exec('CREATE TABLE t (v TEXT UNIQUE)');
    const g = new GroupCommit(d);
    const seen: number[] = [];
    await Promise.all(['a', 'b'].map((v) => g.run(() => {
      seen.push(d.pragma('synchronous', { simple: true }) as number);
      d.prepare('INSERT INTO t VALUES (?)').run(v);
    })));
    expect(seen).toEqual([1, 1]); // NORMAL inside the group
    expect(d.pragma('synchronous', { simple: true })).toBe(2); // FULL again for everything else
    await g.drain();
    d.close();
    // Committed rows are in the database file's WAL, readable by a new connection.
    const again = new Database(join(dir, 'g.db'), { readonly: true });
    expect(again.prepare('SELECT v FROM t ORDER BY v').pluck().all()).toEqual(['a', 'b']);
    again.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
