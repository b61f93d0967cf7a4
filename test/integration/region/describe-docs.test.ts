// describe/ as MAAS 1.8 served it (maasserver/api/doc.py describe_resource, describe_handler;
// doc_handler.describe), generated from the region's resource table: handler names as MAAS's,
// each action's doc the API page's text (test/fixtures/spec), anonymous entries holding only
// anonymous actions, and docs/region.md's API table equal to it.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { endpointKey, parseSpecEndpoints } from '../../../src-main/region/api/coverage';
import { API_END, API_START, apiTable } from '../../../src-main/region/api/api-table';
import type { ApiDescription } from '../../../src-main/region/api/describe';
import { DOC_FILE, SPEC_FILE } from '../../../src-main/region/coverage-cli';
import { regionResources } from '../../../src-main/region/api/resources';
import { client, testRegion } from './helpers';

test('every op of every resource has a doc, and no doc names an op that does not exist', async () => {
  const region = await testRegion();
  for (const r of regionResources(region.core)) {
    expect(Object.keys(r.docs).sort(), r.name).toEqual(Object.keys(r.ops).sort());
    for (const [k, doc] of Object.entries(r.docs)) expect(doc.length, `${r.name} ${k}`).toBeGreaterThan(10);
  }
});

test('doc.py describe_resource: names, anon and auth handlers, actions with the API page\'s docs', async () => {
  const region = await testRegion();
  const res = await client(region, null)('describe/');
  expect(res.status).toBe(200);
  const d: ApiDescription = res.json();
  expect(d.doc).toBe('MAAS API');
  const byName = new Map(d.resources.map((r) => [r.name, r]));
  // maascli names its commands from these (NodeResultsHandler -> node-results).
  expect(byName.get('NodeResultsHandler')?.auth?.path).toBe('/MAAS/api/1.0/installation-results/');
  expect(byName.has('NodeResultHandler')).toBe(false);
  // Hidden backward-compatible handlers are served but not described.
  expect([...byName.keys()].filter((n) => /Backward/.test(n))).toEqual([]);
  // version/ needs no credentials at all: anon only, as RestrictedResource(VersionHandler).
  expect(byName.get('VersionHandler')).toMatchObject({ auth: null, anon: { name: 'VersionHandler' } });
  // Anonymous handlers list only what an anonymous client may call.
  const nodes = byName.get('NodesHandler')!;
  expect(nodes.anon).toMatchObject({ name: 'AnonNodesHandler', doc: 'Anonymous access to Nodes.' });
  expect(nodes.anon!.actions.map((a) => `${a.method} ${a.op}`)).toEqual(['POST new']);
  expect(nodes.auth!.actions.length).toBeGreaterThan(10);
  expect(byName.get('FilesHandler')!.anon!.actions.map((a) => `${a.method} ${a.op}`)).toEqual(['GET get_by_key']);
  expect(byName.get('TagsHandler')!.anon).toBeNull();
  expect(d.handlers).toHaveLength(d.resources.filter((r) => r.anon).length + d.resources.filter((r) => r.auth).length);
  expect(nodes.auth!.uri).toBe(`${region.url}nodes/`);
  expect(byName.get('NodeHandler')!.auth!.params).toEqual(['system_id']);

  // Every endpoint of the API page: its action's doc is the page's text (the region's
  // additions may only follow it, after a blank line).
  const spec = parseSpecEndpoints(readFileSync(SPEC_FILE, 'utf8'));
  const actions = new Map(d.resources.flatMap((r) => {
    const h = (r.auth ?? r.anon)!;
    return h.actions.map((a) => [endpointKey({ method: a.method as 'GET', path: h.path.replace('/MAAS/api/1.0/', ''), op: a.op ?? undefined }), a.doc] as const);
  }));
  for (const e of spec) {
    const doc = actions.get(endpointKey(e));
    expect(doc, endpointKey(e)).toBeDefined();
    expect(doc === e.doc || doc!.startsWith(`${e.doc}\n\n`), `${endpointKey(e)}: ${doc}`).toBe(true);
  }
  // The power types this console added are marked as such.
  expect(actions.get('GET nodegroups/ describe_power_types')).toMatch(/This console's additions, which MAAS 1.8 did not have: redfish .* manual/);
});

test('docs/region.md holds the API table of describe/ as served', async () => {
  const region = await testRegion();
  const d: ApiDescription = (await client(region, null)('describe/')).json();
  const doc = readFileSync(DOC_FILE, 'utf8');
  const block = doc.slice(doc.indexOf(API_START) + API_START.length, doc.indexOf(API_END)).trim();
  expect(block, `${DOC_FILE} is stale: run npm run region:coverage`).toBe(apiTable(d));
});
