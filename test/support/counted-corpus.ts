// A real preview corpus that counts what it is given: how many documents were loaded in
// bulk (set, or added a page at a time), upserted one by one, and removed. Tests of saved
// tables use it to show what a reopened session had to load again.
import { createPreviewCorpus, type PreviewCorpus } from '../../src-main/xpath/index';

export function countedCorpus(workers = 2): { corpus: PreviewCorpus; counts: { bulk: number; upsert: number; remove: number } } {
  const corpus = createPreviewCorpus({ workers });
  const counts = { bulk: 0, upsert: 0, remove: 0 };
  const [set, add, upsert, remove] = [corpus.set.bind(corpus), corpus.add.bind(corpus), corpus.upsert.bind(corpus), corpus.remove.bind(corpus)];
  corpus.set = (d) => { counts.bulk += d.length; set(d); };
  corpus.add = (d) => { counts.bulk += d.length; return add(d); };
  corpus.upsert = (d) => { counts.upsert++; upsert(d); };
  corpus.remove = (id) => { counts.remove++; remove(id); };
  return { corpus, counts };
}
