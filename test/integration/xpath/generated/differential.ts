// Definitions evaluated three ways over the same documents: python3-lxml on MAAS's own
// composite (one Python process for the whole batch), the console's preview corpus, and
// the region's rebuild path (the definition checked as a saved tag is, then the region's
// tag index over the details stored in its database). A mismatch is shrunk to the
// shortest definition that still mismatches.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeStatus as S } from '../../../../src-shared/maas/index';
import { openRegion } from '../../../../src-main/region/start-region';
import { RegionTagIndex } from '../../../../src-main/region/tags/tag-index';
import { checkDefinition, createPreviewCorpus, type DocumentInput, type PreviewCorpus } from '../../../../src-main/xpath/index';
import { lxmlMatches } from '../lxml-reference';
import { render, type Gen } from './grammar';

/** One side's answer: invalid, or the ids matched (sorted). */
export type Answer = { invalid: true } | { invalid: false; ids: string[] };

export interface Outcome {
  definition: string;
  lxml: Answer;
  preview: Answer;
  rebuild: Answer;
}

const same = (a: Answer, b: Answer): boolean =>
  a.invalid === b.invalid && (a.invalid || JSON.stringify(a.ids) === JSON.stringify((b as { ids: string[] }).ids));

export const mismatched = (o: Outcome): boolean => !same(o.lxml, o.preview) || !same(o.lxml, o.rebuild);

const show = (a: Answer): string => (a.invalid ? 'invalid' : `[${a.ids.join(', ')}]`);
export const describe = (o: Outcome): string =>
  `${JSON.stringify(o.definition)}\n  lxml:    ${show(o.lxml)}\n  preview: ${show(o.preview)}\n  rebuild: ${show(o.rebuild)}`;

/** A region of its own in a temporary folder, the documents stored as nodes' details. */
async function regionWith(docs: DocumentInput[]): Promise<{ index: RegionTagIndex; idOf: Map<number, string>; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'xpath-differential-'));
  const region = await openRegion({ dataDir: dir, keyStorage: 'file', tagEngine: null, log: () => undefined });
  const core = region.core;
  const idOf = new Map<number, string>();
  core.tx(() => docs.forEach((d, i) => {
    const n = core.nodes.insert({ hostname: `d-${i}`, installable: true, status: S.READY, zoneId: 1 });
    if (d.lshw != null || d.lldp != null) core.details.set(n.id, d.lshw != null ? Buffer.from(d.lshw) : null, d.lldp != null ? Buffer.from(d.lldp) : null);
    idOf.set(n.id, d.id);
  }));
  const index = new RegionTagIndex(core.db, createPreviewCorpus({ workers: 2 }), null);
  return {
    index,
    idOf,
    async close() {
      await index.close();
      region.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export class Differential {
  private readonly abort = new AbortController();

  private constructor(
    private readonly docs: DocumentInput[],
    private readonly corpus: PreviewCorpus,
    private readonly region: Awaited<ReturnType<typeof regionWith>>,
  ) {}

  static async open(docs: DocumentInput[], workers = 2): Promise<Differential> {
    const corpus = createPreviewCorpus({ workers });
    corpus.set(docs);
    return new Differential(docs, corpus, await regionWith(docs));
  }

  async close(): Promise<void> {
    await Promise.all([this.corpus.close(), this.region.close()]);
  }

  private async preview(definition: string): Promise<Answer> {
    try {
      return { invalid: false, ids: [...(await this.corpus.evaluate(definition))].sort() };
    } catch (error) {
      if (error instanceof Error && error.name === 'InvalidDefinitionError') return { invalid: true };
      throw error;
    }
  }

  private async rebuild(definition: string): Promise<Answer> {
    if (!(await checkDefinition(definition)).ok) return { invalid: true };
    const matched = await this.region.index.matching(definition, [...this.region.idOf.keys()], this.abort.signal);
    return { invalid: false, ids: [...matched].map((id) => this.region.idOf.get(id)!).sort() };
  }

  /** Every definition, three ways. */
  async run(definitions: string[]): Promise<Outcome[]> {
    const unique = [...new Set(definitions)];
    const reference = lxmlMatches(unique, this.docs);
    const ours: { preview: Answer; rebuild: Answer }[] = [];
    // The preview (one evaluation at a time: a newer one cancels the older) and the
    // rebuild run side by side on their own workers.
    const previews = (async () => {
      const out: Answer[] = [];
      for (const d of unique) out.push(await this.preview(d));
      return out;
    })();
    const rebuilds = (async () => {
      const out: Answer[] = [];
      for (const d of unique) out.push(await this.rebuild(d));
      return out;
    })();
    const [p, r, lxml] = await Promise.all([previews, rebuilds, reference]);
    unique.forEach((_, i) => ours.push({ preview: p[i], rebuild: r[i] }));
    return unique.map((definition, i) => ({
      definition,
      lxml: definition in lxml.invalid ? { invalid: true } : { invalid: false, ids: [...(lxml.matches[definition] ?? [])].sort() },
      ...ours[i],
    }));
  }

  /** The shortest definition reachable by dropping parts of `gen` that still mismatches. */
  async shrink(gen: Gen, rounds = 12): Promise<Outcome> {
    let best = gen;
    let outcome = (await this.run([render(gen)]))[0];
    for (let round = 0; round < rounds; round++) {
      const candidates = smaller(best).filter((c) => render(c).length < render(best).length);
      if (candidates.length === 0) break;
      const outcomes = await this.run(candidates.map(render));
      const failing = candidates
        .map((c) => ({ c, o: outcomes.find((o) => o.definition === render(c)) }))
        .filter((x): x is { c: Gen; o: Outcome } => x.o !== undefined && mismatched(x.o))
        .sort((a, b) => render(a.c).length - render(b.c).length);
      if (failing.length === 0) break;
      best = failing[0].c;
      outcome = failing[0].o;
    }
    return outcome;
  }
}

/** Every tree one reduction smaller: a predicate or step dropped, an expression replaced by a part of it. */
export function smaller(gen: Gen): Gen[] {
  const out: Gen[] = [];
  const replaceAt = (path: number[], by: Gen | string): Gen => {
    const copy = (g: Gen, depth: number): Gen => ({
      kind: g.kind,
      parts: g.parts.map((p, i) => (i === path[depth] ? (depth === path.length - 1 ? by : copy(p as Gen, depth + 1)) : p)),
    });
    return path.length === 0 ? (typeof by === 'string' ? { kind: 'expr', parts: [by] } : by) : copy(gen, 0);
  };
  const subExpressions = (g: Gen): Gen[] =>
    g.parts.flatMap((p) => (typeof p === 'string' ? [] : p.kind === 'expr' || p.kind === 'literal' ? [p, ...subExpressions(p)] : subExpressions(p)));
  const visit = (g: Gen, path: number[]): void => {
    if (g.kind === 'pred' || (g.kind === 'step' && path.length > 0 && path[path.length - 1] > 1)) out.push(replaceAt(path, ''));
    if (g.kind === 'expr') for (const sub of subExpressions(g)) out.push(replaceAt(path, sub));
    g.parts.forEach((p, i) => {
      if (typeof p !== 'string') visit(p, [...path, i]);
    });
  };
  visit(gen, []);
  return out;
}
