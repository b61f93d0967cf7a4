// Starting the xpath worker thread in every way this code runs:
// - bundled (electron-vite builds `xpath-worker` as its own entry, next to the bundle
//   or one folder up from a shared chunk): run the built `xpath-worker.js`;
// - from TypeScript sources (tsx, vitest): run `xpath-worker.ts` through tsx's loader,
//   registered inside the worker (Node 20 does not pass `--import` loaders to workers).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const BUILT_CANDIDATES = ['./xpath-worker.js', '../xpath-worker.js', './xpath-worker.mjs'];

export function workerEntry(base: string = import.meta.url): { url: URL; typescript: boolean } {
  for (const candidate of BUILT_CANDIDATES) {
    const url = new URL(candidate, base);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return { url, typescript: false };
  }
  const source = new URL('./xpath-worker.ts', base);
  if (source.protocol === 'file:' && existsSync(fileURLToPath(source))) return { url: source, typescript: true };
  throw new Error(`xpath worker not found next to ${base}`);
}

/** tsx's ESM register API (its CommonJS build cannot register from an eval'd worker). */
function tsxEsmApi(): string {
  const manifestPath = createRequire(import.meta.url).resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    exports: Record<string, { import: { default: string } }>;
  };
  return new URL(manifest.exports['./esm/api'].import.default, pathToFileURL(manifestPath)).href;
}

export function spawnWorker(base?: string): Worker {
  const entry = workerEntry(base);
  if (!entry.typescript) return new Worker(entry.url);
  const tsxApi = tsxEsmApi();
  const boot = `import(${JSON.stringify(tsxApi)}).then((api) => { (api.register ?? api.default.register)(); return import(${JSON.stringify(entry.url.href)}); })`;
  return new Worker(boot, { eval: true });
}
