// The embedded region beside Juju's in-memory fake MAAS (gomaasapi NewTestServer("1.0"),
// Debian's golang-github-juju-gomaasapi-dev, built here in GOPATH mode), both driven by one
// independent Python client (python3-requests-oauthlib, maas_client_bench.py):
// - nodes op=list with 10,000 nodes, the fake seeded with the region's own node objects (every
//   field MAAS 1.8 sends), so both answer the same data;
// - enlistment of 10,000 nodes, anonymous nodes op=new from 8 client threads.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { NodeStatus as S } from '../../src-shared/maas/index';
import { startRegion } from '../../src-main/region/start-region';
import { nodesListJsonText } from '../../src-main/region/api/node-list-json';
import { seedNodes } from './region.bench';
import { goBinary } from '../support/go-binary';
import type { Bench, Figure } from './types';

const run = promisify(execFile);
const FAKE_SRC = fileURLToPath(new URL('./gomaasapi-fake/main.go', import.meta.url));
const CLIENT = fileURLToPath(new URL('./maas_client_bench.py', import.meta.url));
const NODES = 10_000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const buildFake = (): string => goBinary({ name: 'gomaasapi-fake', source: FAKE_SRC, debianPackage: 'golang-github-juju-gomaasapi-dev', needs: 'github.com/juju/gomaasapi' });

/** Starts the fake (optionally seeded); resolves to its API base URL and a stop function. */
async function startFake(binary: string, seedFile?: string): Promise<{ api: string; stop: () => void }> {
  const child = spawn(binary, seedFile ? ['-seed', seedFile] : [], { stdio: ['pipe', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      if (out.includes('\n')) resolve(out.trim());
    });
    child.on('exit', (code) => reject(new Error(`the fake MAAS exited (${code})`)));
  });
  return { api: `${url}/api/1.0/`, stop: () => child.stdin.end() };
}

async function client(args: string[]): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const { stdout } = await run('/usr/bin/python3', [CLIENT, ...args], { maxBuffer: 1 << 20, timeout: 900_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

export const regionVsFakeBench: Bench = {
  id: 'region-vs-fake',
  async run(): Promise<Figure[]> {
    const dir = mkdtempSync(join(tmpdir(), 'region-vs-fake-'));
    const stops: (() => unknown)[] = [];
    try {
      const fakeBin = buildFake();
      // nodes op=list: the same 10,000 nodes in both.
      const region = await startRegion({ dataDir: join(dir, 'list'), keyStorage: 'file', log: () => undefined, tagEngine: null });
      stops.push(() => region.close());
      seedNodes(region, NODES, S.READY, 'list');
      const seedFile = join(dir, 'nodes.json');
      writeFileSync(seedFile, nodesListJsonText(region.core.db, { installable: true }));
      const fake = await startFake(fakeBin, seedFile);
      stops.push(fake.stop);
      const key = region.createApiKey();
      const regionList = await client(['list', region.url, key, '7']);
      const fakeList = await client(['list', fake.api, 'x:y:z', '7']);
      if (regionList.nodes !== NODES || fakeList.nodes !== NODES) throw new Error(`listed ${regionList.nodes} and ${fakeList.nodes} nodes`);
      // The region keeps a list until the database changes (api/node-list-cache.ts): "cold"
      // enlists one node before each list, so every answer is built afresh.
      const regionCold = await client(['list', region.url, key, '5', 'cold']);
      const fakeCold = await client(['list', fake.api, 'x:y:z', '5', 'cold']);
      const missing = regionList.fields.filter((f: string) => !fakeList.fields.includes(f));
      if (missing.length) throw new Error(`the fake lacks fields the region sends: ${missing.join(', ')}`);
      fake.stop();
      await region.close();
      stops.length = 0;

      // Enlistment: 10,000 anonymous op=new from 8 threads into an empty region and an empty fake.
      const fresh = await startRegion({ dataDir: join(dir, 'enlist'), keyStorage: 'file', log: () => undefined, tagEngine: null });
      stops.push(() => fresh.close());
      const regionEnlist = await client(['enlist', fresh.url, String(NODES), '8']);
      const emptyFake = await startFake(fakeBin);
      stops.push(emptyFake.stop);
      const fakeEnlist = await client(['enlist', emptyFake.api, String(NODES), '8']);
      for (const e of [regionEnlist, fakeEnlist]) if (e.ok !== NODES) throw new Error(`enlisted ${e.ok} of ${NODES}: ${e.first_error}`);
      const fakeName = 'gomaasapi fake MAAS (Go, in memory)';
      return [
        { name: `nodes op=list, ${NODES.toLocaleString('en')} nodes, unchanged since the last list, python3-requests-oauthlib client (median of 7)`, value: median(regionList.ms), unit: 'ms',
          reference: { name: fakeName, value: median(fakeList.ms), unit: 'ms' }, target: '≤ 0.4× the fake' },
        { name: 'nodes op=list, 10,000+ nodes, built afresh (a node enlisted before each list; median of 5)', value: median(regionCold.ms), unit: 'ms',
          reference: { name: fakeName, value: median(fakeCold.ms), unit: 'ms' }, target: '≤ 0.4× the fake' },
        { name: 'nodes op=list reply size', value: regionList.bytes / 2 ** 20, unit: 'MiB', reference: { name: fakeName, value: fakeList.bytes / 2 ** 20, unit: 'MiB' } },
        { name: `enlistment, ${NODES.toLocaleString('en')} anonymous nodes op=new from 8 client threads`, value: regionEnlist.ms / 1000, unit: 's',
          reference: { name: fakeName, value: fakeEnlist.ms / 1000, unit: 's' }, target: 'no slower than the fake' },
      ];
    } finally {
      for (const s of stops.reverse()) await s();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
