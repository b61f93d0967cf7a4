import { expect, test } from 'vitest';
import { indexNode, type IndexedNode } from '../../../src-shared/inventory/node-index';
import { TextCorpus } from '../../../src-shared/inventory/text-corpus';
import { makeNode } from './make-node';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

test('finds exactly the nodes whose search text holds the word, in order, over generated nodes and words', () => {
  const random = rng(7);
  const alphabet = 'ab-1:\n\u0000';
  const pick = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
  // Hostnames and tags a hostile server could send: separators, newlines, empty strings.
  const entries: IndexedNode[] = Array.from({ length: 400 }, () => indexNode(makeNode({
    hostname: pick(Math.floor(random() * 6)), systemId: pick(3), tags: random() < 0.3 ? [pick(4)] : [], macAddresses: random() < 0.2 ? [] : ['52:54:00:0a:0b:0c'],
  })));
  const corpus = new TextCorpus(entries);
  let hits = 0;
  for (let k = 0; k < 400; k++) {
    const word = pick(1 + Math.floor(random() * 3));
    const want = entries.filter((e) => e.hay.includes(word));
    expect(corpus.find(word), JSON.stringify(word)).toEqual(want);
    hits += want.length;
  }
  expect(hits).toBeGreaterThan(1000);
});

test('a word found in every node, in the last node only, or nowhere', () => {
  const entries = ['rack1-a', 'rack2-b', 'rack3-c'].map((hostname) => indexNode(makeNode({ hostname, systemId: hostname.slice(-1), macAddresses: [] })));
  const corpus = new TextCorpus(entries);
  expect(corpus.find('rack')).toEqual(entries);
  expect(corpus.find('-c')).toEqual([entries[2]]);
  expect(corpus.find('zzz')).toEqual([]);
  // A word may not join one node's text to the next one's.
  expect(corpus.find('a\u0000rack2')).toEqual([]);
  expect(new TextCorpus([]).find('rack')).toEqual([]);
});
