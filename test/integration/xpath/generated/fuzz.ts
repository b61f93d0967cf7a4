// One generated run: `count` distinct definitions from `seed` over the odd corpus, three
// ways (lxml, preview, rebuild); mismatches shrunk to their shortest reproducer.
import { oddCorpus } from './odd-corpus';
import { DefinitionGenerator, render, vocabularyOf, type Gen } from './grammar';
import { describe, Differential, mismatched, type Outcome } from './differential';

export interface FuzzReport {
  seed: number;
  definitions: number;
  /** How many lxml refused, and how many split the corpus (matched some nodes, not all). */
  invalid: number;
  splitting: number;
  /** Shortest reproducers of the first mismatches (at most `shrinkAtMost`). */
  reproducers: string[];
  mismatches: number;
}

export function generate(seed: number, count: number): Gen[] {
  const docs = oddCorpus();
  const vocabulary = vocabularyOf(docs.flatMap((d) => [d.lshw ?? '', d.lldp ?? '']));
  const generator = new DefinitionGenerator(seed, vocabulary);
  const seen = new Map<string, Gen>();
  for (let tries = 0; seen.size < count && tries < count * 20; tries++) {
    const g = generator.definition();
    seen.set(render(g), g);
  }
  return [...seen.values()];
}

export async function fuzz(seed: number, count: number, shrinkAtMost = 5): Promise<FuzzReport> {
  const docs = oddCorpus();
  const gens = generate(seed, count);
  const differential = await Differential.open(docs);
  try {
    const outcomes = await differential.run(gens.map(render));
    const bad = outcomes.map((o, i) => ({ o, g: gens[i] })).filter(({ o }) => mismatched(o));
    const reproducers: string[] = [];
    for (const { g } of bad.slice(0, shrinkAtMost)) {
      const shrunk: Outcome = await differential.shrink(g);
      reproducers.push(describe(shrunk));
    }
    const valid = outcomes.filter((o) => !o.lxml.invalid) as (Outcome & { lxml: { ids: string[] } })[];
    return {
      seed,
      definitions: outcomes.length,
      invalid: outcomes.length - valid.length,
      splitting: valid.filter((o) => o.lxml.ids.length > 0 && o.lxml.ids.length < docs.length).length,
      reproducers: [...new Set(reproducers)],
      mismatches: bad.length,
    };
  } finally {
    await differential.close();
  }
}
