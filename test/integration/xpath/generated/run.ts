// By hand, longer runs: npx tsx test/integration/xpath/generated/run.ts --seed N --count N [--runs N]
// (each further run uses the next seed). Prints every run's figures and reproducers.
import { randomInt } from 'node:crypto';
import { parseArgs } from 'node:util';
import { fuzz } from './fuzz';

const { values } = parseArgs({ options: { seed: { type: 'string' }, count: { type: 'string' }, runs: { type: 'string' } } });
const first = values.seed === undefined ? randomInt(2 ** 31) : Number(values.seed);
const count = Number(values.count ?? 2000);
let failed = false;
for (let run = 0; run < Number(values.runs ?? 1); run++) {
  const started = performance.now();
  const report = await fuzz(first + run, count, 10);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`seed ${report.seed}: ${report.definitions} definitions (${report.invalid} invalid, ${report.splitting} splitting), ${report.mismatches} mismatches, ${seconds} s`);
  for (const r of report.reproducers) console.log(r);
  failed ||= report.mismatches > 0;
}
process.exitCode = failed ? 1 : 0;
