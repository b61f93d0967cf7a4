// Simple paths that MAAS's libxml2 2.9 compiles as streaming patterns (trailing `|`,
// `.//.` without the context node, `/.//.` empty): every definition of up to five tokens
// from `.`, `..`, `*`, a name, `/`, `//`, `|`, and every one of up to five with a blank
// among them (the pattern compiler skips blanks in some places and fails on them in
// others), against python3-lxml, on a full node, a node with no details and a leaf lshw
// root — validity and match, both as our libxml2 2.9 streams the definition itself and
// through the rewrite the fast path compiles (src-main/xpath/stream-pattern.ts).
import { beforeAll, expect, test } from 'vitest';
import { ExactEngine } from '../../../src-main/xpath/exact';
import { maasXPath } from '../../../src-main/xpath/stream-pattern';
import type { DocumentInput } from '../../../src-main/xpath/index';
import { lxmlMatches, type LxmlAnswer } from './lxml-reference';

const TOKENS = ['.', '..', '*', 'node', '/', '//', '|'];
const docs: DocumentInput[] = [
  { id: 'full', lshw: '<node id="vm" class="system"><vendor>Intel X</vendor><!-- c --><node id="core"><x/></node>text<?pi x?></node>', lldp: '<lldp><interface name="eth0"/></lldp>' },
  { id: 'bare' },
  { id: 'leaf', lshw: '<node/>' },
];

function enumerate(tokens: string[], keep: (d: string) => boolean = () => true): string[] {
  const out = new Set<string>();
  let level = [''];
  for (let n = 1; n <= 5; n++) {
    level = level.flatMap((prefix) => tokens.map((t) => prefix + t));
    for (const d of level) if (keep(d)) out.add(d);
  }
  return [...out];
}

const plain = enumerate(TOKENS);
const blanked = enumerate([...TOKENS, ' '], (d) => d.includes(' '));
const definitions = [...plain, ...blanked];
let reference: LxmlAnswer;
beforeAll(async () => {
  reference = await lxmlMatches(definitions, docs);
}, 120_000);

test('the known cases read as MAAS reads them', () => {
  expect(maasXPath('vendor|')).toBe('vendor');
  expect(maasXPath('.//.')).toBe('descendant::node()');
  expect(maasXPath('/.//.')).toBe('/..');
  expect(maasXPath('//.')).toBe('//.');
  expect(maasXPath('//node[1]|')).toBe('//node[1]|'); // a predicate: XPath, which refuses it
  expect(reference.matches['node|']).toEqual(reference.matches['node']);
  expect(reference.matches['.//.']).toEqual(['full', 'leaf']); // the bare list has no descendants
  expect(reference.matches['/.//.']).toEqual([]);
  // Blanks: skipped after the first step and after a name, fatal after a later `*`.
  expect(maasXPath('. //.')).toBe('descendant::node()');
  expect(maasXPath('.//. | .//*')).toBe('descendant::node()|.//*');
  expect(maasXPath('./node |')).toBe('./node');
  expect(maasXPath('./* |')).toBe('./* |'); // not a pattern: XPath, which refuses it
  expect(reference.matches['. //. ']).toEqual(['full', 'bare', 'leaf']); // not a pattern either: XPath keeps the context node
});

test(`every simple path of up to five tokens (${plain.length}, and ${blanked.length} with blanks) gives lxml's answer`, async () => {
  const engine = await ExactEngine.create();
  const prepared = docs.map((d) => engine.prepare(d));
  const mismatches: string[] = [];
  const answer = (xpath: string): string[] | 'invalid' => {
    const compiled = engine.compile(xpath);
    const ids = compiled.ok ? docs.filter((_, i) => engine.matches(compiled.compiled, prepared[i])).map((d) => d.id) : 'invalid';
    engine.release(compiled);
    return ids;
  };
  for (const definition of definitions) {
    const theirs = JSON.stringify(definition in reference.invalid ? 'invalid' : reference.matches[definition]);
    const streamed = JSON.stringify(answer(definition));
    const rewritten = JSON.stringify(answer(maasXPath(definition)));
    if (streamed !== theirs) mismatches.push(`${definition}: lxml ${theirs}, libxml2 ${streamed}`);
    if (rewritten !== theirs) mismatches.push(`${definition}: lxml ${theirs}, rewritten ${rewritten}`);
  }
  for (const p of prepared) engine.dispose(p);
  expect(mismatches.slice(0, 20)).toEqual([]);
}, 120_000);
