// JSON from a server, refused when nested deeper than any MAAS answer is. V8's JSON.parse
// itself copes with deep nesting, but everything after it recurses (String(), JSON.stringify
// into the snapshot, structured clone over IPC, schema checks), and 100,000 nested arrays in
// one field overflow the stack there, far from the server that sent them. One linear pass
// over the text, before parsing, costs little next to the parse and keeps the failure here.

/** The deepest nesting of arrays and objects in `text`, counting no further than `limit + 1`. */
export function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) { max = depth; if (max > limit) return max; }
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return max;
}

export class TooDeepError extends Error {
  constructor(readonly limit: number) { super(`it nests arrays or objects more than ${limit} deep`); }
}

/** JSON.parse, refusing text nested more than `maxDepth` deep (TooDeepError) before parsing it. */
export function parseBoundedJson(text: string, maxDepth: number): unknown {
  if (nestingDepth(text, maxDepth) > maxDepth) throw new TooDeepError(maxDepth);
  return JSON.parse(text);
}
