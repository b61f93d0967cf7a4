// ARCHITECTURE.md's import rules, checked on every file.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const files = (dir: string): string[] => !existsSync(join(root, dir)) ? [] :
  readdirSync(join(root, dir)).flatMap((n) => {
    const p = join(dir, n);
    return statSync(join(root, p)).isDirectory() ? files(p) : /\.(ts|svelte)$/.test(n) ? [p] : [];
  });
const importsOf = (file: string) =>
  [...readFileSync(join(root, file), 'utf8').matchAll(/(?:import|export)[^'"`;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)]
    .map((m) => m[1] ?? m[2]);
const target = (file: string, spec: string) =>
  spec.startsWith('.') ? relative(root, resolve(root, file, '..', spec)) : spec;

test('src-shared imports nothing from main, renderer, Node or Electron', () => {
  for (const f of files('src-shared'))
    for (const s of importsOf(f)) {
      const t = target(f, s);
      expect(t.startsWith('src-main') || t.startsWith('src-renderer') || s.startsWith('node:') || s === 'electron', `${f} → ${s}`).toBe(false);
    }
});

test('src-renderer imports only src-shared and browser packages', () => {
  for (const f of files('src-renderer'))
    for (const s of importsOf(f)) {
      const t = target(f, s);
      expect(t.startsWith('src-main') || s.startsWith('node:') || s === 'electron', `${f} → ${s}`).toBe(false);
    }
});

test('only index.ts, preload.ts and ipc/electron-* import electron', () => {
  const allowed = /^src-main\/(index\.ts|preload\.ts|ipc\/electron-[\w-]+\.ts)$/;
  for (const f of files('src-main'))
    if (importsOf(f).includes('electron')) expect(f, `${f} imports electron`).toMatch(allowed);
});

test('only xpath/libxml.ts imports vendor/ (the one binding to the WebAssembly libxml2)', () => {
  const importers = ['src-main', 'src-shared', 'src-renderer']
    .flatMap((d) => files(d))
    .filter((f) => importsOf(f).some((s) => target(f, s).startsWith('vendor/')));
  expect(importers).toEqual(['src-main/xpath/libxml.ts']);
});

test('region/ and power/ never import console/ or connections/', () => {
  for (const f of [...files('src-main/region'), ...files('src-main/power')])
    for (const s of importsOf(f)) {
      const t = target(f, s);
      expect(/^src-main\/(console|connections)\//.test(t), `${f} → ${s}`).toBe(false);
    }
});

test('no code or test reads ../shared: a clean clone (CI) has only the repository', () => {
  const offenders = ['src-main', 'src-shared', 'src-renderer', 'test']
    .flatMap((d) => files(d))
    .filter((f) => f !== 'test/unit/shell/import-rules.test.ts')
    .filter((f) => /['"`](\.\.\/)+shared\/|\/work\/shared/.test(readFileSync(join(root, f), 'utf8')));
  expect(offenders).toEqual([]);
});

test('maas-client imports nothing from the IPC contract: the console maps its errors and shapes', () => {
  const files_ = files('src-main/maas-client');
  expect(files_.length).toBeGreaterThan(0);
  for (const f of files_)
    for (const s of importsOf(f)) expect(target(f, s).startsWith('src-shared/contract'), `${f} → ${s}`).toBe(false);
});
