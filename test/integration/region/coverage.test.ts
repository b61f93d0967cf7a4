// Every METHOD path op= of the MAAS 1.8 API page (the copy in test/fixtures/spec/) is routed,
// each refusal answers as documented, nothing answers 5xx otherwise, and docs/region.md's
// endpoint and API tables are the generated ones.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { REFUSALS, endpointKey, samplePath } from '../../../src-main/region/api/coverage';
import { DOC_FILE, regionCoverage, regionFacts, withGeneratedTables } from '../../../src-main/region/coverage-cli';
import { client, testRegion } from './helpers';

test('every endpoint and op= of the spec is routed; the docs/region.md tables are generated from the same data', async () => {
  const facts = await regionFacts();
  const rows = facts.rows;
  expect(rows.length).toBeGreaterThanOrEqual(131);
  expect(rows.filter((r) => r.status === 'missing').map(endpointKey)).toEqual([]);
  expect(rows.filter((r) => r.op).length).toBe(69);
  expect(rows.filter((r) => r.status === 'refused').map(endpointKey).sort()).toEqual(Object.keys(REFUSALS).sort());
  const doc = readFileSync(DOC_FILE, 'utf8');
  expect(withGeneratedTables(doc, facts), `${DOC_FILE} is stale: run npm run region:coverage`).toBe(doc);
}, 60_000);

test('called as an admin, refusals answer as documented and nothing else fails with 5xx or a routing error', async () => {
  const region = await testRegion();
  const admin = client(region);
  const rows = await regionCoverage();
  for (const r of rows) {
    const path = samplePath(r.path.replace('{uuid}', region.core.nodegroupUuid));
    const a = await admin(path, { method: r.method, query: r.op ? { op: r.op } : {}, ...(r.method === 'POST' || r.method === 'PUT' ? { multipart: {} } : {}) });
    const what = `${endpointKey(r)} → ${a.status} ${a.text.slice(0, 200)}`;
    if (r.refusal) {
      expect(a.status, what).toBe(r.refusal.status);
      expect(a.text, what).toContain(r.refusal.says);
    } else {
      expect(a.status, what).toBeLessThan(500);
      expect(a.status, what).not.toBe(405);
      expect(a.text, what).not.toMatch(/Unrecognised signature|Unknown API path|does not serve yet/);
    }
  }
}, 120_000);
