// Starting a worker thread in every way this code runs. `name` is the worker's entry
// (`xpath-worker`, `maas-answer-worker`) and `base` the URL of the module it lives beside
// (the caller's import.meta.url):
// - bundled (electron-vite builds each worker as its own entry, next to the bundle or one
//   folder up from a shared chunk): run the built `<name>.js`;
// - from TypeScript sources (tsx, vitest): run `<name>.ts` through tsx's loader, registered
//   inside the worker (Node 20 does not pass `--import` loaders to workers).
// Neither found is an error naming where it looked: a worker is never silently replaced by
// running its work on the calling thread.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

export function workerEntry(name: string, base: string): { url: URL; typescript: boolean } {
  for (const candidate of [`./${name}.js`, `../${name}.js`, `./${name}.mjs`]) {
    const url = new URL(candidate, base);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return { url, typescript: false };
  }
  const source = new URL(`./${name}.ts`, base);
  if (source.protocol === 'file:' && existsSync(fileURLToPath(source))) return { url: source, typescript: true };
  throw new Error(`the ${name} worker thread cannot start: neither ${name}.js nor ${name}.ts is next to ${base}`);
}

/** tsx's ESM register API (its CommonJS build cannot register from an eval'd worker). */
function tsxEsmApi(): string {
  const manifestPath = createRequire(import.meta.url).resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    exports: Record<string, { import: { default: string } }>;
  };
  return new URL(manifest.exports['./esm/api'].import.default, pathToFileURL(manifestPath)).href;
}

export function spawnWorker(name: string, base: string, resourceLimits?: ResourceLimits): Worker {
  const entry = workerEntry(name, base);
  if (!entry.typescript) return new Worker(entry.url, { resourceLimits });
  const tsxApi = tsxEsmApi();
  const boot = `import(${JSON.stringify(tsxApi)}).then((api) => { (api.register ?? api.default.register)(); return import(${JSON.stringify(entry.url.href)}); })`;
  return new Worker(boot, { eval: true, resourceLimits });
}
