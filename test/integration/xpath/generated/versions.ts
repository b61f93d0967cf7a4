// By hand: do two libxml2 2.9 releases give a tag the same members? MAAS runs the 2.9 of its
// Ubuntu (20.04: 2.9.10, 22.04: 2.9.13); the exact path runs 2.9.14. Build the other one
// with vendor/libxml2-2.9/build.sh VERSION OUT.mjs, then
//   npx tsx test/integration/xpath/generated/versions.ts --module OUT.mjs --seed N --count N [--runs N] [--simple-paths]
// Every generated definition (the generated test's grammar) on every document of the odd
// corpus, through both builds: validity and matches. Prints each difference found.
// --simple-paths first tries every simple path of up to five tokens, blanks included (the
// streaming patterns' ground, as stream-pattern.test.ts enumerates it).
import { randomInt } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ExactEngine } from '../../../../src-main/xpath/exact';
import { Libxml, type Libxml2Module } from '../../../../src-main/xpath/libxml';
import { generate } from './fuzz';
import { render } from './grammar';
import { oddCorpus } from './odd-corpus';

const { values } = parseArgs({
  options: { module: { type: 'string' }, seed: { type: 'string' }, count: { type: 'string' }, runs: { type: 'string' }, 'simple-paths': { type: 'boolean' } },
});
if (values.module === undefined) throw new Error('--module OUT.mjs: the other build (vendor/libxml2-2.9/build.sh VERSION OUT.mjs)');
const other = (await import(pathToFileURL(resolve(values.module)).href)) as { default: () => Promise<Libxml2Module> };
const engines = [await ExactEngine.create(), await ExactEngine.create(await Libxml.create(other.default))];
console.log(`libxml2 ${engines[0].libxml.version} against ${engines[1].libxml.version}`);

const docs = oddCorpus();
const prepared = engines.map((e) => docs.map((d) => e.prepare(d)));
const answer = (i: number, definition: string): string => {
  const compiled = engines[i].compile(definition);
  if (!compiled.ok) return `invalid (${compiled.message})`;
  const ids = docs.filter((_, d) => engines[i].matches(compiled.compiled, prepared[i][d])).map((d) => d.id);
  engines[i].release(compiled);
  return JSON.stringify(ids);
};

function compare(definitions: string[]): number {
  let found = 0;
  for (const definition of definitions) {
    const [a, b] = [answer(0, definition), answer(1, definition)];
    if (a === b) continue;
    found++;
    console.log(`  ${definition}\n    ${engines[0].libxml.version}: ${a}\n    ${engines[1].libxml.version}: ${b}`);
  }
  return found;
}

function simplePaths(): string[] {
  const tokens = ['.', '..', '*', 'node', '/', '//', '|', ' '];
  const out: string[] = [];
  let level = [''];
  for (let n = 1; n <= 5; n++) {
    level = level.flatMap((prefix) => tokens.map((t) => prefix + t));
    out.push(...level);
  }
  return out;
}

let differences = 0;
if (values['simple-paths']) {
  const paths = simplePaths();
  const found = compare(paths);
  console.log(`simple paths: ${paths.length} definitions, ${found} differences`);
  differences += found;
}
const first = values.seed === undefined ? randomInt(2 ** 31) : Number(values.seed);
for (let run = 0; run < Number(values.runs ?? 1); run++) {
  const definitions = generate(first + run, Number(values.count ?? 2000)).map(render);
  const found = compare(definitions);
  console.log(`seed ${first + run}: ${definitions.length} definitions, ${found} differences`);
  differences += found;
}
process.exitCode = differences > 0 ? 1 : 0;
