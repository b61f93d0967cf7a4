// The README and docs/ point only at files that exist: a moved or renamed page, doc or
// source file breaks this test instead of a newcomer's first read.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const pages = ['README.md', ...readdirSync(join(root, 'docs')).filter((n) => n.endsWith('.md')).map((n) => `docs/${n}`)];

// Markdown links `[text](target)`, minus web addresses, mail and in-page anchors.
const relativeLinks = (text: string) =>
  [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1])
    .filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t) && !t.startsWith('#'))
    .map((t) => t.split('#')[0]);

test.each(pages)('every relative link in %s resolves', (page) => {
  const links = relativeLinks(readFileSync(join(root, page), 'utf8'));
  for (const link of links) expect(existsSync(resolve(root, dirname(page), link)), `${page} → ${link}`).toBe(true);
});
