// Every edge case of shared/reference/xpath-tags.md, on the exact engine.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ExactEngine } from '../../../src-main/xpath/exact';
import { checkDefinition } from '../../../src-main/xpath/index';
import type { NodeDetails } from '../../../src-main/xpath/composite';
import { fixtureLshw, LLDP_SAMPLE } from './samples';

let engine: ExactEngine;
beforeAll(async () => {
  engine = await ExactEngine.create();
});
afterAll(() => undefined);

function matches(definition: string, details: NodeDetails): boolean {
  const compiled = engine.compile(definition);
  if (!compiled.ok) throw new Error(`does not compile: ${compiled.message}`);
  try {
    return engine.matchOnce(compiled.compiled, details);
  } finally {
    engine.release(compiled);
  }
}

const lshwOnly = (): NodeDetails => ({ lshw: fixtureLshw() });
const both = (): NodeDetails => ({ lshw: fixtureLshw(), lldp: LLDP_SAMPLE });
const lldpOnly: NodeDetails = { lldp: LLDP_SAMPLE };
const none: NodeDetails = {};

describe('absolute paths start at list', () => {
  test('/list matches every node', () => {
    for (const details of [lshwOnly(), both(), lldpOnly, none]) expect(matches('/list', details)).toBe(true);
  });
  test('/node matches none', () => {
    expect(matches('/node', lshwOnly())).toBe(false);
    expect(matches('/node', both())).toBe(false);
  });
  test('/list/node is the lshw root', () => {
    expect(matches('/list/node[@id="vm" and @class="system"]', lshwOnly())).toBe(true);
    expect(matches('count(/list/*) = 1', both())).toBe(true);
  });
});

describe('relative paths start at the lshw root', () => {
  test('self:: and child paths', () => {
    expect(matches('self::node[@class="system"]', lshwOnly())).toBe(true);
    expect(matches('node[@id="core"]', lshwOnly())).toBe(true);
    expect(matches('node[@id="cpu"]', lshwOnly())).toBe(false);
    expect(matches('node[@id="core"]/node[@id="cpu"]/vendor = "Advanced Micro Devices [AMD]"', lshwOnly())).toBe(true);
  });
  test('the parent of the context node is list', () => {
    expect(matches('parent::list', lshwOnly())).toBe(true);
  });
});

describe('original and namespaced copies', () => {
  test('//node sees only the unqualified lshw', () => {
    expect(matches('count(//node[@class="processor"]) = 1', lshwOnly())).toBe(true);
  });
  test('//lshw:node sees the namespaced copy', () => {
    expect(matches('count(//lshw:node[@class="processor"]) = 1', lshwOnly())).toBe(true);
    expect(matches('//lshw:node[@id="cpu"]/lshw:vendor', lshwOnly())).toBe(true);
    expect(matches('//lshw:node[@id="cpu"]/vendor', lshwOnly())).toBe(false);
  });
  test('//* sees both copies: counts double', () => {
    expect(matches('count(//*[@class="processor"]) = 2', lshwOnly())).toBe(true);
    expect(matches('count(//*[@class="processor"]) = 2', both())).toBe(true);
  });
  test('the copies are the last children of the lshw root, lldp before lshw', () => {
    expect(matches('*[last()]/self::lshw:node and *[last()-1]/self::lldp:lldp', both())).toBe(true);
  });
  test('//lldp: sees the LLDP data', () => {
    expect(matches('//lldp:interface[@name="eth0"]/lldp:chassis/lldp:name = "switch01"', both())).toBe(true);
    expect(matches('//interface', both())).toBe(false);
  });
});

describe('nodes without (valid) lshw', () => {
  test('an LLDP-only node has list as its root', () => {
    expect(matches('self::list', lldpOnly)).toBe(true);
    expect(matches('lldp:lldp/lldp:interface', lldpOnly)).toBe(true);
    expect(matches('//node', lldpOnly)).toBe(false);
  });
  test('a broken lshw is dropped, list stays the root', () => {
    const broken: NodeDetails = { lshw: '<node id="vm"><unclosed></node>', lldp: LLDP_SAMPLE };
    expect(matches('self::list', broken)).toBe(true);
    expect(matches('//lshw:node', broken)).toBe(false);
    expect(matches('//lldp:lldp', broken)).toBe(true);
  });
  test('a node with no details is the bare list', () => {
    expect(matches('not(//node)', none)).toBe(true);
    expect(matches('number(//x)', none)).toBe(true);
    expect(matches('self::list', none)).toBe(true);
    expect(matches('count(/list/*) = 0', none)).toBe(true);
  });
});

describe("Python's bool() of the result", () => {
  test('NaN matches', () => {
    expect(matches('number(//nonexistent)', lshwOnly())).toBe(true);
    expect(matches('0 div 0', lshwOnly())).toBe(true);
  });
  test("0, -0 and '' do not match", () => {
    expect(matches('0', lshwOnly())).toBe(false);
    expect(matches('-0', lshwOnly())).toBe(false);
    expect(matches('count(//nonexistent)', lshwOnly())).toBe(false);
    expect(matches("''", lshwOnly())).toBe(false);
    expect(matches('string(//nonexistent)', lshwOnly())).toBe(false);
  });
  test('1 div 0 and -1 div 0 match', () => {
    expect(matches('1 div 0', lshwOnly())).toBe(true);
    expect(matches('-1 div 0', lshwOnly())).toBe(true);
  });
  test('a non-empty string and a non-zero number match', () => {
    expect(matches('string(//node/vendor)', lshwOnly())).toBe(true);
    expect(matches('count(//node[@class="processor"])', lshwOnly())).toBe(true);
  });
  test('a node-set of only the document node is an empty list in lxml: no match', () => {
    for (const details of [lshwOnly(), lldpOnly, none]) expect(matches('/', details)).toBe(false);
    expect(matches('..', lldpOnly)).toBe(false); // list's parent is the document node
    expect(matches('..', lshwOnly())).toBe(true); // the lshw root's parent is list
    expect(matches('count(/) = 1', none)).toBe(true);
    expect(matches('ancestor::node()', lshwOnly())).toBe(true);
  });
  test('node-sets and booleans', () => {
    expect(matches('//node[@id="cpu"]', lshwOnly())).toBe(true);
    expect(matches('//node[@id="gpu"]', lshwOnly())).toBe(false);
    expect(matches('//node[@id="memory"]/size > 1000', lshwOnly())).toBe(true);
    expect(matches('//node[@id="memory"]/size < 1000', lshwOnly())).toBe(false);
  });
});

describe('errors', () => {
  test('an unknown prefix, function or variable at evaluation is no match', () => {
    expect(matches('//foo:bar', lshwOnly())).toBe(false);
    expect(matches('unknownfn()', lshwOnly())).toBe(false);
    expect(matches('not(unknownfn())', lshwOnly())).toBe(false);
    expect(matches('$v', lshwOnly())).toBe(false);
  });
  test('a syntax error is refused with lxml’s reason', async () => {
    expect(await checkDefinition('//node[')).toMatchObject({ ok: false, message: 'Invalid expression' });
    expect(await checkDefinition('//node[@id="x]')).toMatchObject({ ok: false, message: 'Unfinished literal' });
    expect(await checkDefinition('')).toMatchObject({ ok: false, message: 'Invalid expression' });
    expect(await checkDefinition('//node[@id="cpu"]')).toEqual({ ok: true });
    expect(await checkDefinition('//foo:bar')).toEqual({ ok: true });
  });
});
