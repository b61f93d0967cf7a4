// The answer worker must start when the client is bundled as electron-vite builds the app
// (`maas-answer-worker` its own entry, dependencies external), not only from TypeScript
// sources under tsx/vitest; and a bundle without it must fail each read saying so, never
// parse on the main thread instead. The client folder is bundled with Vite and run in a
// plain `node` process (no tsx anywhere) against a small local MAAS-shaped server.
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, test } from 'vitest';
import { bundle, bundleDir, repoRoot, runNode } from '../../support/bundled-node';

const outDir = bundleDir('answer-bundle-');
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const machines = [
  { system_id: 'abc123', hostname: 'node-1', status: 4, status_name: 'Ready', tag_names: ['gpu'], interface_set: [{ mac_address: '52:54:00:00:00:01' }] },
  { system_id: 'def456', hostname: 'node-2', status: 6, status_name: 'Deployed', owner: 'admin' },
];

test('bundled: node lists are read on the bundled answer worker; without it, reads fail saying why', { timeout: 120_000 }, async () => {
  await bundle(outDir, {
    index: join(repoRoot, 'src-main/maas-client/index.ts'),
    'maas-answer-worker': join(repoRoot, 'src-main/maas-client/maas-answer-worker.ts'),
  }, [/^(undici|oauth-1\.0a|zod|bson)(\/|$)/]);
  expect(readdirSync(outDir)).toContain('maas-answer-worker.js');
  const script = join(outDir, 'run.mjs');
  writeFileSync(script, `import { createServer } from 'node:http';
import { createMaasClient } from ${JSON.stringify(pathToFileURL(join(outDir, 'index.js')).href)};
const body = ${JSON.stringify(JSON.stringify(machines))};
const server = createServer((req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(body); });
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const client = createMaasClient({ root: 'http://127.0.0.1:' + server.address().port + '/MAAS/', apiVersion: '2.0', apiKey: 'a:b:c', retries: 0 });
try {
  console.log(JSON.stringify({ nodes: await client.listNodes() }));
} catch (e) {
  console.log(JSON.stringify({ error: e.message }));
}
await client.close();
server.close();
`);
  const ran = await runNode(script, outDir);
  expect(ran.stderr).toBe('');
  const { nodes } = JSON.parse(ran.stdout);
  expect(nodes.map((n: { systemId: string; statusName: string }) => [n.systemId, n.statusName])).toEqual([['abc123', 'Ready'], ['def456', 'Deployed']]);
  expect(nodes[0]).toMatchObject({ tags: ['gpu'], macAddresses: ['52:54:00:00:00:01'] });

  rmSync(join(outDir, 'maas-answer-worker.js'));
  const without = await runNode(script, outDir);
  expect(without.stderr).toBe('');
  expect(JSON.parse(without.stdout).error).toMatch(
    /^MAAS answers cannot be read: the maas-answer-worker worker thread cannot start: neither maas-answer-worker\.js nor maas-answer-worker\.ts is next to file:.*answer-bundle-/);
});
