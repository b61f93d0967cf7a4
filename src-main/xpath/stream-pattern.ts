// libxml2 2.9 (MAAS's lxml) compiles a definition that is a simple path — no `[`, `(`,
// `@` or `:` — as a streaming pattern when it can, and then evaluates it with the pattern
// matcher, not XPath. That differs from XPath in two ways that change a tag's answer:
//
//  - a trailing `|` is accepted (`vendor|` means `vendor`), where XPath refuses it;
//  - a path of only `.` steps with a `//` selects the context node's descendants without
//    the context node itself when relative (`.//.`, `././/.`), and nothing at all when
//    absolute (`/.//.`); `//.` is unaffected.
//
// Our libxml2 is 2.9 too and streams the definition itself; the fast path compiles XPath
// only, so it is given the definition rewritten here into the XPath with MAAS's answer.
// The rule was taken from lxml itself over every definition of up to six tokens from `.`,
// `..`, `*`, a name, `/`, `//`, `|` (test/integration/xpath/stream-pattern.test.ts keeps
// that enumeration, with blanks, and checks both our libxml2 and the rewrite against lxml).
// Blanks are read as the pattern compiler reads them (`unblank`); definitions with other
// white space or non-ASCII names in this shape are left to XPath.

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const NAME_AT = /^[A-Za-z_][A-Za-z0-9_.-]*/;
/** XML's blanks, the only white space either compiler skips. */
const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/**
 * One `|`-branch as libxml2 2.9's pattern compiler reads it, with the blanks it skips taken
 * out; null where it fails (the definition is then compiled as XPath). It skips blanks at
 * the start, before every step, after `/`, `//` and a leading `.//`, after a name, and
 * after the first step; a blank after a later `*` or `.` fails (`./* ` is not a pattern,
 * `./node ` and `* ` are).
 */
function unblank(text: string): string | null {
  let i = 0;
  const skip = (): void => { while (isBlank(text[i])) i++; };
  const step = (): string | null => {
    skip();
    if (text[i] === '.' || text[i] === '*') return text[i++];
    const name = NAME_AT.exec(text.slice(i));
    if (name === null) return null;
    i += name[0].length;
    skip(); // it looks past a name for `::` or `(`
    return name[0];
  };
  skip();
  let out = '';
  if (text.startsWith('//', i)) { out = '//'; i += 2; }
  else if (text.startsWith('.//', i) || text[i] === '/') {
    out = text[i] === '/' ? '/' : './/';
    i += out.length;
    skip();
    if (i === text.length) return null;
  }
  let s = step();
  if (s === null) return null;
  out += s;
  skip();
  while (text[i] === '/') {
    const separator = text[i + 1] === '/' ? '//' : '/';
    i += separator.length;
    skip();
    if (i === text.length) return null;
    s = step();
    if (s === null) return null;
    out += separator + s;
  }
  return i === text.length ? out : null;
}

interface Branch {
  prefix: '' | '/' | '//' | './/';
  steps: string[];
  separators: string[];
}

function parseBranch(text: string): Branch | null {
  const prefix = text.startsWith('.//') ? './/' : text.startsWith('//') ? '//' : text.startsWith('/') ? '/' : '';
  const parts = text.slice(prefix.length).split(/(\/\/|\/)/);
  const steps = parts.filter((_, i) => i % 2 === 0);
  const separators = parts.filter((_, i) => i % 2 === 1);
  if (!steps.every((s) => s === '.' || s === '*' || NAME.test(s))) return null;
  return { prefix, steps, separators };
}

/** Can libxml2 2.9 stream this branch? A lone `.`, or some step that is not a `.` skipped over. */
function streamable(b: Branch): boolean {
  if (b.prefix === '' && b.steps.length === 1 && b.steps[0] === '.') return true;
  return b.steps.some((step, i) => {
    const afterDescendant = i === 0 ? b.prefix === '//' || b.prefix === './/' : b.separators[i - 1] === '//';
    return step !== '.' || afterDescendant;
  });
}

function asXPath(b: Branch): string {
  const onlyDots = b.steps.every((s) => s === '.');
  const descends = b.prefix === '//' || b.prefix === './/' || b.separators.includes('//');
  if (onlyDots && descends && b.prefix !== '//') return b.prefix === '/' ? '/..' : 'descendant::node()';
  return b.prefix + b.steps.map((s, i) => (i === 0 ? s : b.separators[i - 1] + s)).join('');
}

/** The XPath 1.0 expression that gives MAAS's answer for `definition`. */
export function maasXPath(definition: string): string {
  if (/[[(@:]/.test(definition) || /[^\S \t\r\n]/.test(definition) || definition === '') return definition;
  const body = definition.endsWith('|') ? definition.slice(0, -1) : definition;
  const texts = body.split('|').map(unblank);
  if (texts.some((t) => t === null)) return definition;
  const absolute = texts[0]!.startsWith('/');
  const branches: Branch[] = [];
  for (const text of texts as string[]) {
    if (text.startsWith('/') !== absolute) return definition;
    const branch = parseBranch(text);
    if (branch === null || !streamable(branch)) return definition;
    branches.push(branch);
  }
  return branches.map(asXPath).join('|');
}
