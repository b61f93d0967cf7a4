// The lshw explorer's model in a DOM (jsdom): parsing that refuses DOCTYPEs, the flat
// collapsible tree and its search, XPaths and definitions from a clicked element, and the
// elements a definition points at in MAAS's composite document.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ancestorsOf, DetailXmlError, flatten, initiallyExpanded, parseDetailXml, searchItems, visibleRows } from '../../../../src-renderer/src/views/tags/detail-tree';
import { buildComposite, highlighted, pathParts } from '../../../../src-renderer/src/views/tags/highlight';
import { definitionFor, literal, xpathFor } from '../../../../src-renderer/src/views/tags/xpath-for';

// The lshw fixture copied into the repository (vitest runs from its root).
const FIXTURE = resolve(process.cwd(), 'test/fixtures/lshw/kvm-epyc-vm.xml');
const lshwText = readFileSync(FIXTURE, 'utf8');
const LLDP = '<lldp label="LLDP neighbors"><interface label="Interface" name="eth0"><chassis><name>switch01</name></chassis></interface></lldp>';

const one = (doc: Document, xpath: string): Element =>
  doc.evaluate(xpath, doc, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue as Element;

describe('parseDetailXml', () => {
  test('parses lshw', () => {
    expect(parseDetailXml(lshwText).documentElement.getAttribute('class')).toBe('system');
  });
  test('refuses a DOCTYPE (entities) and XML that is not well-formed', () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE node [<!ENTITY x SYSTEM "file:///etc/passwd">]><node>&x;</node>';
    expect(() => parseDetailXml(xxe)).toThrow(DetailXmlError);
    expect(() => parseDetailXml('<node><oops></node>')).toThrow('not well-formed');
  });
});

describe('the tree', () => {
  const doc = parseDetailXml(lshwText);
  const items = flatten(doc.documentElement);

  test('is pre-order with subtree ends; the first two levels start open', () => {
    expect(items.length).toBe(doc.getElementsByTagName('*').length);
    expect(items[0]).toMatchObject({ depth: 0, parent: -1, end: items.length });
    const open = initiallyExpanded(items);
    const rows = visibleRows(items, open);
    expect(rows.every((r) => r.depth <= 2)).toBe(true);
    expect(visibleRows(items, new Set())).toHaveLength(1);
  });

  test('search finds names, attributes and values, and their ancestors are what must open', () => {
    const hits = searchItems(items, 'amd epyc');
    expect(hits.length).toBeGreaterThan(0);
    expect(items[hits[0]].text).toContain('AMD EPYC');
    const rows = visibleRows(items, ancestorsOf(items, hits));
    for (const h of hits) expect(rows.map((r) => r.index)).toContain(h);
    expect(searchItems(items, '  ')).toEqual([]);
  });
});

describe('xpathFor and definitionFor', () => {
  const doc = parseDetailXml(lshwText);

  test('an element with a unique id is anchored on it; its children step down from there', () => {
    const cpu = one(doc, '//node[@class="processor"]');
    const id = cpu.getAttribute('id')!;
    expect(xpathFor(cpu)).toBe(`//node[@id="${id}"]`);
    const product = cpu.getElementsByTagName('product')[0];
    expect(definitionFor(product)).toBe(`//node[@id="${id}"]/product = ${literal(product.textContent!.trim())}`);
  });

  test('the root is named without its hostname id, under MAAS\'s list', () => {
    expect(xpathFor(doc.documentElement)).toBe('/list/node');
    const description = one(doc, '/node/description');
    expect(definitionFor(description)).toBe('/list/node/description = "Computer"');
  });

  test('a capability is matched by being there; a setting by its value', () => {
    expect(definitionFor(one(doc, '//capability[@id="smp"]'))).toBe('//capability[@id="smp"]');
    const setting = one(doc, '//setting[@value]');
    expect(definitionFor(setting)).toMatch(/\/setting\[@id="[^"]+"\]\/@value = "[^"]+"$/);
  });

  test('LLDP elements are addressed in their namespace', () => {
    const lldp = parseDetailXml(LLDP);
    expect(definitionFor(one(lldp, '//name'), 'lldp')).toBe('//lldp:lldp/lldp:interface/lldp:chassis/lldp:name = "switch01"');
  });

  test('literals survive quotes of either kind', () => {
    expect(literal('plain')).toBe('"plain"');
    expect(literal('say "hi"')).toBe(`'say "hi"'`);
    expect(literal(`it's "x"`)).toBe(`concat("it's ", '"', "x", '"', "")`);
  });
});

describe('highlighted', () => {
  const lshw = parseDetailXml(lshwText);
  const lldp = parseDetailXml(LLDP);
  const c = buildComposite({ lshw, lldp });
  const processors = Array.from(lshw.getElementsByTagName('node')).filter((n) => n.getAttribute('class') === 'processor');

  test('a node-set definition marks its elements in the original document', () => {
    expect([...highlighted(c, '//node[@class="processor"]')]).toEqual(processors);
  });

  test('namespaced copies map back to the same original elements', () => {
    expect([...highlighted(c, '//lshw:node[@class="processor"]')]).toEqual(processors);
    expect([...highlighted(c, '//lldp:name')]).toEqual([lldp.getElementsByTagName('name')[0]]);
  });

  test('comparisons and functions mark the paths they use; relative paths start at the lshw root', () => {
    const vendors = processors.map((p) => p.getElementsByTagName('vendor')[0]);
    expect([...highlighted(c, 'count(//node[@class="processor"]/vendor) > 0')]).toEqual(vendors);
    expect(highlighted(c, 'node[@id="core"]').size).toBe(1);
    expect(highlighted(c, '1 = 1').size).toBe(0);
  });

  test('pathParts splits at top-level operators only', () => {
    expect(pathParts('//a[@x="1 = 2"] = "b" and not(//c)')).toEqual(['//a[@x="1 = 2"]', '"b"', '//c']);
  });
});
