// Bundling part of src-main as electron-vite builds the app (each worker its own entry,
// dependencies left external) and running the bundle in a plain `node` process, with no tsx
// anywhere: how the worker-thread tests check that their workers start when bundled.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A fresh folder inside the tree, so the bundle resolves its dependencies from node_modules as the app does. */
export function bundleDir(prefix: string): string {
  mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
  return mkdtempSync(join(repoRoot, 'test-results', prefix));
}

/** Builds `input` (entry name → source path) into `outDir` as `[name].js`, `external` left unbundled. */
export async function bundle(outDir: string, input: Record<string, string>, external: RegExp[] = []): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: true,
      outDir,
      emptyOutDir: false,
      minify: false,
      rolldownOptions: {
        input,
        external: [...builtinModules, /^node:/, ...external],
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  });
}

export function runNode(script: string, cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
