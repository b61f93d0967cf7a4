// npm run region:coverage — writes the endpoint → status table of the MAAS 1.8 API into
// README.md (between the region-coverage markers), from the spec page kept in
// test/fixtures/spec/ and this region's real route table. `--check` only compares.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRegion } from './start-region';
import { regionResources } from './api/resources';
import { coverageOf, coverageTable, parseSpecEndpoints, withCoverageTable, type Coverage } from './api/coverage';

export const SPEC_FILE = 'test/fixtures/spec/maas-1.8-api.md';

/** The coverage of the spec page by a throwaway region's route table. */
export async function regionCoverage(specFile = SPEC_FILE): Promise<Coverage[]> {
  const dir = mkdtempSync(join(tmpdir(), 'region-coverage-'));
  const region = await openRegion({ dataDir: dir, keyStorage: 'file', log: () => undefined });
  try {
    return coverageOf(parseSpecEndpoints(readFileSync(specFile, 'utf8')), regionResources(region.core));
  } finally {
    region.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('coverage-cli.ts')) {
  const rows = await regionCoverage();
  const readme = readFileSync('README.md', 'utf8');
  const next = withCoverageTable(readme, coverageTable(rows));
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      process.stderr.write('README.md endpoint table is out of date: run npm run region:coverage\n');
      process.exit(1);
    }
  } else writeFileSync('README.md', next);
  const missing = rows.filter((r) => r.status === 'missing');
  process.stdout.write(`${rows.length} endpoints, ${missing.length} missing${missing.length ? `: ${missing.map((m) => `${m.method} ${m.path} ${m.op ?? ''}`).join('; ')}` : ''}\n`);
}
