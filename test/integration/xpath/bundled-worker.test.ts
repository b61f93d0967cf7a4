// The matcher's worker threads must start when the code is bundled (as electron-vite
// builds the app: `xpath-worker` is its own entry, dependencies stay external), not only
// from TypeScript sources under tsx/vitest. We bundle the folder with Vite, then run the
// bundle in a plain `node` process (no tsx anywhere) and match the fixture.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, expect, test } from 'vitest';
import { build } from 'vite';
import { FIXTURE_PATH } from '../../unit/xpath/samples';

const root = fileURLToPath(new URL('../../..', import.meta.url));
// Inside the tree, so the bundle resolves libxml2-wasm from node_modules like the app does.
mkdirSync(join(root, 'test-results'), { recursive: true });
const outDir = mkdtempSync(join(root, 'test-results', 'xpath-bundle-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function runNode(script: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { cwd: outDir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

test('bundled: the matcher and the preview corpus run their workers', { timeout: 120_000 }, async () => {
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: true,
      outDir,
      emptyOutDir: false,
      minify: false,
      rolldownOptions: {
        input: {
          index: join(root, 'src-main/xpath/index.ts'),
          'xpath-worker': join(root, 'src-main/xpath/xpath-worker.ts'),
        },
        external: [...builtinModules, /^node:/, /^libxml2-wasm/],
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  });
  expect(readdirSync(outDir)).toContain('xpath-worker.js');
  const script = join(outDir, 'run.mjs');
  writeFileSync(
    script,
    `import { readFileSync } from 'node:fs';
import { createTagMatcher, createPreviewCorpus } from ${JSON.stringify(pathToFileURL(join(outDir, 'index.js')).href)};
const lshw = readFileSync(${JSON.stringify(FIXTURE_PATH)}, 'utf8');
const docs = [{ id: 'a', lshw }, { id: 'b', lldp: '<lldp/>' }, { id: 'c' }];
const matcher = createTagMatcher({ workers: 2 });
const matched = await matcher.match('//node[@id="cpu"]/product = "AMD EPYC"', docs);
await matcher.close();
const corpus = createPreviewCorpus({ workers: 2 });
corpus.set(docs);
const previewed = await corpus.evaluate('self::list');
await corpus.close();
console.log(JSON.stringify({ matched, previewed }));
`,
  );
  const result = await runNode(script);
  expect(result.stderr).toBe('');
  expect(JSON.parse(result.stdout)).toEqual({ matched: ['a'], previewed: ['b', 'c'] });
});
