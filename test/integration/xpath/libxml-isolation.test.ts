// A detail cannot make the exact path reach outside its WebAssembly memory: an external DTD
// by URL or by file path is neither fetched nor read (the build has no network or file
// system, and no option asks for DTDs), and the node is answered as lxml answers it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ExactEngine } from '../../../src-main/xpath/exact';
import { exactIds } from '../../unit/xpath/exact-ids';
import { lxmlMatches } from './lxml-reference';

test('an external DTD is neither fetched nor read; the answers are lxml’s', { timeout: 60_000 }, async () => {
  let requests = 0;
  const server = createServer((_req, res) => {
    requests++;
    res.end('<!ENTITY v "leaked">');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const dir = mkdtempSync(join(tmpdir(), 'dtd-'));
  try {
    const file = join(dir, 'x.dtd');
    writeFileSync(file, '<!ENTITY v "leaked">');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x.dtd`;
    // Without the DTD, `&v;` is undeclared (the detail does not parse, as in lxml); the
    // plain detail parses and matches.
    const docs = [url, file, `file://${file}`].flatMap((system, i) => [
      { id: `entity-${i}`, lshw: `<!DOCTYPE node SYSTEM "${system}"><node id="vm" class="system"><vendor>x&v;</vendor></node>` },
      { id: `plain-${i}`, lshw: `<!DOCTYPE node SYSTEM "${system}"><node id="vm" class="system"><vendor>x</vendor></node>` },
    ]);
    const definitions = ['//vendor', 'contains(//vendor, "leaked")', 'string-length(//vendor) = 1'];
    const reference = await lxmlMatches(definitions, docs);
    const engine = await ExactEngine.create();
    for (const definition of definitions) {
      expect({ definition, ours: exactIds(engine, definition, docs) }).toEqual({ definition, ours: reference.matches[definition] });
    }
    expect(reference.matches['contains(//vendor, "leaked")']).toEqual([]);
    expect(reference.matches['//vendor']).toEqual(['plain-0', 'plain-1', 'plain-2']);
    expect(requests).toBe(0);
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
