// Filling a preview corpus from pages: the details of thousands of nodes must never be all
// in the main process's hands (or queued to the workers) at once.
import { describe, expect, test } from 'vitest';
import { fillCorpus, type DocumentInput, type PreviewCorpus } from '../../../src-main/xpath/index';

/** A corpus whose workers take a page only when the test says so. */
function slowCorpus() {
  const log: string[] = [];
  const waiting: (() => void)[] = [];
  let outstanding = 0;
  let most = 0;
  const corpus = {
    set(docs: DocumentInput[]) { log.push(`set ${docs.length}`); },
    add(docs: DocumentInput[]) {
      log.push(`add ${docs.map((d) => d.id).join(',')}`);
      most = Math.max(most, ++outstanding);
      return new Promise<void>((resolve) => waiting.push(() => { outstanding--; resolve(); }));
    },
  } as unknown as PreviewCorpus;
  return { corpus, log, take: () => waiting.shift()?.(), most: () => most };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('fillCorpus', () => {
  test('clears, then adds page by page with at most two pages in the workers\' hands', async () => {
    const slow = slowCorpus();
    let read = 0;
    const pages = (async function* () {
      for (let p = 0; p < 5; p++) { read++; yield [{ id: `n${2 * p}` }, { id: `n${2 * p + 1}` }]; }
    })();
    const filling = fillCorpus(slow.corpus, pages);
    let finished = false;
    void filling.then(() => { finished = true; });
    await tick();
    expect(slow.log).toEqual(['set 0', 'add n0,n1', 'add n2,n3']);
    expect(read).toBe(2); // the third page is not even read while two are in hand
    for (let k = 0; k < 5; k++) { slow.take(); await tick(); }
    await filling;
    expect(finished).toBe(true);
    expect(slow.log).toEqual(['set 0', 'add n0,n1', 'add n2,n3', 'add n4,n5', 'add n6,n7', 'add n8,n9']);
    expect(slow.most()).toBe(2);
  });

  test('resolves only once the workers have taken the last page', async () => {
    const slow = slowCorpus();
    let finished = false;
    void fillCorpus(slow.corpus, (async function* () { yield [{ id: 'a' }]; })()).then(() => { finished = true; });
    await tick();
    expect(finished).toBe(false);
    slow.take();
    await tick();
    expect(finished).toBe(true);
  });
});
