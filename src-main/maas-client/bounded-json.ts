// JSON from a server, refused when nested deeper than any MAAS answer is. V8's JSON.parse
// itself copes with deep nesting, but everything after it recurses (String(), JSON.stringify
// into the snapshot, structured clone over IPC, schema checks), and 100,000 nested arrays in
// one field overflow the stack there, far from the server that sent them. One linear pass
// over the text, before parsing, costs little next to the parse and keeps the failure here.

/**
 * The deepest nesting of arrays and objects in `text`, counting no further than `limit + 1`.
 * A string's body is skipped with indexOf (native) rather than walked a character at a time:
 * most of a MAAS answer is inside strings, and a page of 1,000 events is ~250 kB.
 */
export function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      i = closingQuote(text, i + 1);
      if (i < 0) return max; // unterminated: JSON.parse refuses it
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) { max = depth; if (max > limit) return max; }
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return max;
}

/** Index of the quote that ends the string whose body starts at `from`, or -1. */
function closingQuote(text: string, from: number): number {
  for (let j = text.indexOf('"', from); j >= 0; j = text.indexOf('"', j + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(j - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return j; // an odd run of backslashes escapes this quote
  }
  return -1;
}

export class TooDeepError extends Error {
  constructor(readonly limit: number) { super(`it nests arrays or objects more than ${limit} deep`); }
}

/** JSON.parse, refusing text nested more than `maxDepth` deep (TooDeepError) before parsing it. */
export function parseBoundedJson(text: string, maxDepth: number): unknown {
  if (nestingDepth(text, maxDepth) > maxDepth) throw new TooDeepError(maxDepth);
  return JSON.parse(text);
}
