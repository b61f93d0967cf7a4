// npm run region:coverage — writes two generated tables into docs/region.md: the endpoint →
// status table of the MAAS 1.8 API (from the spec page kept in test/fixtures/spec/ and this
// region's real route table) and the API table of describe/ (handlers, actions, docs).
// `--check` only compares.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRegion } from './start-region';
import { regionResources } from './api/resources';
import { coverageOf, coverageTable, parseSpecEndpoints, withBlock, type Coverage } from './api/coverage';
import { describeResources, type ApiDescription } from './api/describe';
import { API_END, API_START, apiTable } from './api/api-table';

export const SPEC_FILE = 'test/fixtures/spec/maas-1.8-api.md';
export const DOC_FILE = 'docs/region.md';

/** The coverage of the spec page by a throwaway region's route table, and its describe/. */
export async function regionCoverage(specFile = SPEC_FILE): Promise<Coverage[]> {
  return (await regionFacts(specFile)).rows;
}

export async function regionFacts(specFile = SPEC_FILE): Promise<{ rows: Coverage[]; description: ApiDescription }> {
  const dir = mkdtempSync(join(tmpdir(), 'region-coverage-'));
  const region = await openRegion({ dataDir: dir, keyStorage: 'file', log: () => undefined });
  try {
    const resources = regionResources(region.core);
    return {
      rows: coverageOf(parseSpecEndpoints(readFileSync(specFile, 'utf8')), resources),
      description: describeResources(resources, 'http://localhost:5240'),
    };
  } finally {
    region.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** docs/region.md with both generated tables as they are now. */
export const withGeneratedTables = (doc: string, f: { rows: Coverage[]; description: ApiDescription }): string =>
  withBlock(withBlock(doc, coverageTable(f.rows)), apiTable(f.description), API_START, API_END);

if (process.argv[1]?.endsWith('coverage-cli.ts')) {
  const facts = await regionFacts();
  const doc = readFileSync(DOC_FILE, 'utf8');
  const next = withGeneratedTables(doc, facts);
  if (process.argv.includes('--check')) {
    if (next !== doc) {
      process.stderr.write(`${DOC_FILE}'s generated tables are out of date: run npm run region:coverage\n`);
      process.exit(1);
    }
  } else writeFileSync(DOC_FILE, next);
  const missing = facts.rows.filter((r) => r.status === 'missing');
  process.stdout.write(`${facts.rows.length} endpoints, ${missing.length} missing${missing.length ? `: ${missing.map((m) => `${m.method} ${m.path} ${m.op ?? ''}`).join('; ')}` : ''}\n`);
}
