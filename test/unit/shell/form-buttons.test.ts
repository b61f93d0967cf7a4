// A <button> without a type inside a <form> is a submit button: a click on a tab, a list
// entry or a toggle submits the form, and Enter in a field presses the first one. Every
// component that is (or is rendered inside) a form says which kind each button is.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const svelteFiles = (readdirSync(join(root, 'src-renderer/src'), { recursive: true }) as string[])
  .filter((f) => f.endsWith('.svelte')).map((f) => join('src-renderer/src', f));
const source = (f: string) => readFileSync(join(root, f), 'utf8');
const childComponents = (f: string) =>
  [...source(f).matchAll(/import\s+\w+\s+from\s+['"](\.[^'"]+\.svelte)['"]/g)]
    .map((m) => relative(root, resolve(root, dirname(f), m[1])))
    .filter((p) => existsSync(join(root, p)));

/** The component files that are a form or are rendered inside one. */
function insideForms(): Set<string> {
  const out = new Set<string>();
  const walk = (f: string) => {
    if (out.has(f)) return;
    out.add(f);
    for (const c of childComponents(f)) walk(c);
  };
  for (const f of svelteFiles) if (/<form[\s>]/.test(source(f))) walk(f);
  return out;
}

test('the form walk finds the tag editor and the preview tabs inside it', () => {
  const within = insideForms();
  expect(within).toContain('src-renderer/src/views/tags/TagEditor.svelte');
  expect(within).toContain('src-renderer/src/views/tags/PreviewSummary.svelte');
});

test('every button inside a form says whether it submits', () => {
  const untyped: string[] = [];
  for (const f of insideForms()) {
    for (const m of source(f).matchAll(/<button\b[^>]*>/g)) {
      if (!/\stype=/.test(m[0])) untyped.push(`${f}: ${m[0].slice(0, 80)}`);
    }
  }
  expect(untyped).toEqual([]);
});
