#!/usr/bin/env node
// Builds the renderer for the browser host only when its sources changed since the last
// build (`npm run web` starts in about a second instead of rebuilding for 10–40 s). The
// stamp is the newest modification time and the number of the files the build reads.
// `--force` builds anyway.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'out/web');
const stampFile = join(out, '.sources-stamp');
const inputs = ['src-renderer', 'src-shared', 'vite.web.config.ts', 'renderer-css.config.ts', 'svelte.config.js', 'package-lock.json', 'tsconfig.web.json'];

function walk(p, acc) {
  const st = statSync(p);
  if (st.isDirectory()) { for (const n of readdirSync(p)) walk(join(p, n), acc); return acc; }
  acc.count++;
  acc.newest = Math.max(acc.newest, st.mtimeMs);
  return acc;
}

export function sourcesStamp() {
  const acc = { count: 0, newest: 0 };
  for (const i of inputs) if (existsSync(join(root, i))) walk(join(root, i), acc);
  return `${acc.count}:${Math.round(acc.newest)}`;
}

export function buildIfChanged(force = false) {
const stamp = sourcesStamp();
const built = existsSync(join(out, 'index.html')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp;
if (built && !force) {
  console.log('Renderer up to date (out/web); nothing to build.');
} else {
  console.log('Building the renderer (out/web)…');
  const r = spawnSync('npx', ['vite', 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  writeFileSync(stampFile, stamp);
}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) buildIfChanged(process.argv.includes('--force'));
