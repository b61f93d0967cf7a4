// The matcher's worker threads must start when the code is bundled (as electron-vite
// builds the app: `xpath-worker` is its own entry, with the vendored libxml2 inside), not only
// from TypeScript sources under tsx/vitest. We bundle the folder with Vite, then run the
// bundle in a plain `node` process (no tsx anywhere) and match the fixture.
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, test } from 'vitest';
import { bundle, bundleDir, repoRoot, runNode } from '../../support/bundled-node';
import { FIXTURE_PATH } from '../../unit/xpath/samples';

const outDir = bundleDir('xpath-bundle-');
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

test('bundled: the matcher and the preview corpus run their workers', { timeout: 120_000 }, async () => {
  await bundle(outDir, {
    index: join(repoRoot, 'src-main/xpath/index.ts'),
    'xpath-worker': join(repoRoot, 'src-main/xpath/xpath-worker.ts'),
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
  const result = await runNode(script, outDir);
  expect(result.stderr).toBe('');
  expect(JSON.parse(result.stdout)).toEqual({ matched: ['a'], previewed: ['b', 'c'] });
});
