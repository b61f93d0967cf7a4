// A comment that sends the reader to a test names one that exists: a renamed or never-written
// test file turns into a failure here instead of a dead end for the next person.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const files = (dir: string): string[] =>
  readdirSync(join(root, dir)).flatMap((n) => {
    const p = join(dir, n);
    return statSync(join(root, p)).isDirectory() ? files(p) : /\.(ts|svelte|md)$/.test(n) ? [p] : [];
  });
const sources = ['src-main', 'src-shared', 'src-renderer', 'test', 'docs'].filter((d) => existsSync(join(root, d))).flatMap(files);
const testNames = new Set(files('test').filter((f) => f.endsWith('.test.ts')).map((f) => basename(f)));

test('every *.test.ts named in a source, test or doc exists', () => {
  const missing: string[] = [];
  for (const f of sources) {
    for (const m of readFileSync(join(root, f), 'utf8').matchAll(/[\w./{},-]*?([\w-]+\.test\.ts)\b/g)) {
      if (m[0].includes('{') || m[0].includes('*')) continue; // a pattern, not a name
      if (!testNames.has(m[1])) missing.push(`${f}: ${m[0]}`);
    }
  }
  expect(missing).toEqual([]);
});
