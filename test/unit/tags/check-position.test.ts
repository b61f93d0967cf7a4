// tags.check: libxml2's reason for refusing a definition, and where in it ("shows
// the error and where it is"). The reason is the text MAAS's 400 carries (lxml's).
import { describe, expect, test } from 'vitest';
import { checkDefinition } from '../../../src-main/xpath/index';

describe('checkDefinition position', () => {
  test.each([
    ['//node[', 'Invalid expression', 7],
    ['//node[@id="x"', 'Invalid predicate', 14],
    ["//node[@id='x]", 'Unfinished literal', 14],
    ['//node]', 'Invalid expression', 6],
    ['count(//x', 'Invalid expression', 9],
    ['1 +', 'Invalid expression', 3],
  ])('%s → %s at %i', async (definition, message, position) => {
    expect(await checkDefinition(definition)).toEqual({ ok: false, message, position });
  });

  test('the position counts characters, not UTF-8 bytes', async () => {
    expect(await checkDefinition('//node[@id="é"]]')).toEqual({ ok: false, message: 'Invalid expression', position: 15 });
  });

  test('a definition that compiles, even one that fails only when evaluated (unknown prefix)', async () => {
    expect(await checkDefinition('//node[@class="processor"]')).toEqual({ ok: true });
    expect(await checkDefinition('//foo:node')).toEqual({ ok: true });
  });
});
