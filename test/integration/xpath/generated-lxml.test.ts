// Generated definitions against MAAS's own evaluation (python3-lxml on merge_details), each
// through the preview and the region's rebuild path, any mismatch shrunk to its shortest
// reproducer. A new seed every run, printed (XPATH_FUZZ_SEED reproduces one,
// XPATH_FUZZ_COUNT runs more definitions, generated/run.ts runs many seeds by hand); every
// class a seed finds becomes a named case in regressions.test.ts.
import { randomInt } from 'node:crypto';
import { expect, test } from 'vitest';
import { fuzz } from './generated/fuzz';

const seed = process.env.XPATH_FUZZ_SEED ? Number(process.env.XPATH_FUZZ_SEED) : randomInt(2 ** 31);
const count = Number(process.env.XPATH_FUZZ_COUNT ?? 2000);

test(`generated definitions give lxml's answer in the preview and the rebuild (seed ${seed})`, async () => {
  console.log(`xpath generated definitions: seed ${seed}, count ${count} (XPATH_FUZZ_SEED=${seed} reproduces)`);
  const report = await fuzz(seed, count);
  console.log(`seed ${seed}: ${report.definitions} definitions, ${report.invalid} invalid, ${report.splitting} split the corpus, ${report.mismatches} mismatches`);
  expect(report.definitions).toBeGreaterThanOrEqual(count);
  // The run means something: some definitions are refused, many tell nodes apart.
  expect(report.invalid).toBeGreaterThan(count / 100);
  expect(report.splitting).toBeGreaterThan(count / 20);
  expect(report.reproducers).toEqual([]);
}, 600_000);
