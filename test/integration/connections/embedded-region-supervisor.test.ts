// The supervisor of the embedded region's process, with a stand-in region forked through the
// tsx loader exactly as the real one is (test/support/fake-region-process.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, onTestFinished, test, vi } from 'vitest';

vi.setConfig({ testTimeout: 60_000 });
import { EmbeddedRegion, nodeRegionSpawner } from '../../../src-main/connections/embedded-region';
import { rootOfRegionUrl } from '../../../src-main/connections/embedded-connection';
import { createMaasClient } from '../../../src-main/maas-client/index';

const FAKE = 'test/support/fake-region-process.ts';

function region(mode?: string, onExit?: (why: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'region-sup-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  if (mode) process.env.FAKE_REGION_MODE = mode; else delete process.env.FAKE_REGION_MODE;
  onTestFinished(() => { delete process.env.FAKE_REGION_MODE; });
  const r = new EmbeddedRegion({ spawn: nodeRegionSpawner(FAKE), dataDir: dir, onExit, startTimeoutMs: 20_000 });
  onTestFinished(() => r.stop());
  return r;
}

test('starts the region, gets its URL and a key that works', async () => {
  const r = region();
  const url = await r.start();
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/MAAS\/api\/1\.0\/$/);
  const key = await r.createApiKey();
  const c = createMaasClient({ root: rootOfRegionUrl(url), apiVersion: '1.0', apiKey: key });
  onTestFinished(() => c.close());
  expect((await c.listNodes()).map((n) => n.systemId)).toEqual(['m00001', 'm00002']);
  expect(await r.start()).toBe(url); // already running: the same region
});

test('a region that fails to start says why, and is not left running', async () => {
  const r = region('fail-start');
  await expect(r.start()).rejects.toMatchObject({ code: 'unavailable', message: expect.stringMatching(/embedded region failed: cannot open .*disk full/) });
  await expect(r.createApiKey()).rejects.toMatchObject({ code: 'unavailable', message: 'The embedded region is not running.' });
});

test('a region process that dies is reported, with its exit code', async () => {
  const exits: string[] = [];
  const r = region('exit', (why) => exits.push(why));
  await expect(r.start()).rejects.toMatchObject({ code: 'unavailable', message: expect.stringMatching(/process ended \(exit code 3\)/) });
  expect(exits).toEqual(["the embedded region's process ended (exit code 3)"]);
});

test('the region URL may be given as the API URL or the MAAS root', () => {
  expect(rootOfRegionUrl('http://127.0.0.1:5/MAAS/api/1.0/')).toBe('http://127.0.0.1:5/MAAS/');
  expect(rootOfRegionUrl('http://127.0.0.1:5/MAAS/')).toBe('http://127.0.0.1:5/MAAS/');
});
