// A thin, quiet binding to one private libxml2 (WebAssembly) instance.
//
// The module is Debian's libxml2 2.9.14 compiled to WebAssembly (vendor/libxml2-2.9): the
// 2.9 line MAAS's lxml runs, so a definition the fast path leaves to libxml2 gets the
// answer of MAAS's own engine, 2.9's quirks included (docs/xpath.md lists them). We bind
// it ourselves because we need (a) our own structured-error callback, so compile and
// evaluation errors are collected instead of printed to stderr, with libxml2's own reason
// ("Invalid expression", "Unfinished literal" — the text lxml shows), and (b) instances we
// own: WASM memory never shrinks, so the only way to give memory back is to drop one.
import loadLibxml2, { type Libxml2Module } from '../../vendor/libxml2-2.9/libxml2.mjs';

export type { Libxml2Module };

// libxml2 parser options. lxml's default parser (what MAAS uses) sets NOCDATA, NONET,
// COMPACT and BIG_LINES; it also sets NOENT (entity substitution), which we refuse: a
// document with a DOCTYPE internal subset never reaches the parser (see composite.ts), and
// without NOENT or DTDLOAD libxml2 2.9 loads no external subset or entity (NONET besides).
const XML_PARSE_NOCDATA = 1 << 14;
const XML_PARSE_NONET = 1 << 11;
const XML_PARSE_COMPACT = 1 << 16;
const XML_PARSE_BIG_LINES = 1 << 22;
const XML_PARSE_HUGE = 1 << 19;
const encoder = new TextEncoder();
const PARSE_OPTIONS = XML_PARSE_NOCDATA | XML_PARSE_NONET | XML_PARSE_COMPACT | XML_PARSE_BIG_LINES;

// Offsets in libxml2's structs on wasm32. A wrong one shows at once: errors would not reach
// our callback (test/unit/xpath/semantics.test.ts checks libxml2's reasons and positions) and
// results would not read back (every comparison with lxml in test/integration/xpath).
const XPATH_CTX_USER_DATA = 128;
const XPATH_CTX_ERROR = 132;
const XPATH_OBJ_NODESET = 4;
const XPATH_OBJ_BOOL = 8;
const XPATH_OBJ_FLOAT = 16;
const XPATH_OBJ_STRING = 24;
const ERROR_CODE = 4;
const ERROR_LEVEL = 12;
const ERROR_MESSAGE = 8;
// xmlError.int1: for XPath errors, libxml2 stores how far into the expression it got
// (ctxt->cur - ctxt->base, in UTF-8 bytes) — where the definition goes wrong.
const ERROR_INT1 = 36;
const XML_ERR_ERROR = 2;
// libxml2 2.9 hands an XPath error to the context's callback without its message (only
// the code), so the text is taken from the code as lxml does: from its copy of libxml2's
// table, which ends at "Forbidden variable"; a later code (the recursion limit a deeply
// nested definition meets) is lxml's "unknown error", the text MAAS's 400 then carries.
const XML_XPATH_EXPRESSION_OK = 1200;
const LXML_XPATH_MESSAGES = [
  'Ok', 'Number encoding', 'Unfinished literal', 'Start of literal', 'Expected $ for variable reference',
  'Undefined variable', 'Invalid predicate', 'Invalid expression', 'Missing closing curly brace',
  'Unregistered function', 'Invalid operand', 'Invalid type', 'Invalid number of arguments',
  'Invalid context size', 'Invalid context position', 'Memory allocation error', 'Syntax error',
  'Resource error', 'Sub resource error', 'Undefined namespace prefix', 'Encoding error',
  'Char out of XML range', 'Invalid or incomplete context', 'Stack usage error', 'Forbidden variable',
];
const xpathMessage = (code: number): string => LXML_XPATH_MESSAGES[code - XML_XPATH_EXPRESSION_OK] ?? 'unknown error';
const XML_DTD_ID_REDEFINED = 513;
const NODESET_TABLE = 8;
const NODE_TYPE = 4;
const XML_DOCUMENT_NODE = 9;
const XML_HTML_DOCUMENT_NODE = 13;
// xmlDoc.ids: the table of xml:id (and DTD ID) attributes that XPath's id() reads.
const DOC_IDS = 64;

enum XPathType {
  NodeSet = 1,
  Boolean = 2,
  Number = 3,
  String = 4,
}

export type Pointer = number;

/** The result of a definition on one document, reduced to what MAAS looks at. */
export type Truth = boolean;

export class Libxml {
  private readonly errors: { level: number; code: number; message: string; int1: number }[] = [];
  private readonly errorCallback: Pointer;
  private readonly prefixBuffers: Pointer[];
  private readonly utf8: Pointer;
  /** ID tables taken off parsed documents, put back before the document is freed. */
  private readonly hiddenIds = new Map<Pointer, number>();

  private constructor(private readonly m: Libxml2Module) {
    m._xmlInitParser();
    this.errorCallback = m.addFunction((_data: number, err: number) => {
      const code = m.getValue(err + ERROR_CODE, 'i32');
      const text = m.getValue(err + ERROR_MESSAGE, 'i32');
      this.errors.push({
        level: m.getValue(err + ERROR_LEVEL, 'i32'),
        code,
        message: text !== 0 ? m.UTF8ToString(text).trim() : xpathMessage(code),
        int1: m.getValue(err + ERROR_INT1, 'i32'),
      });
    }, 'vii');
    // One instance per thread, so the library-wide handlers are this instance's own:
    // structured errors come to us, and the unstructured kind (printed by default) nowhere.
    m._xmlSetStructuredErrorFunc(0, this.errorCallback);
    m._xmlSetGenericErrorFunc(0, m.addFunction(() => {}, 'viii'));
    this.prefixBuffers = ['lshw', 'lldp'].map((s) => this.cString(s));
    this.utf8 = this.cString('UTF-8');
  }

  /** `load`: another build of the same binding (another 2.9 release, compared by hand). */
  static async create(load: () => Promise<Libxml2Module> = loadLibxml2): Promise<Libxml> {
    return new Libxml(await load());
  }

  /** libxml2's version, as `2.9.14`. */
  get version(): string {
    return this.m.UTF8ToString(this.m._consoleLibxmlVersion());
  }

  /** Bytes of WASM memory this instance holds (it only grows). */
  get heapBytes(): number {
    return this.m.HEAPU8.length;
  }

  /**
   * Parses a document; null when it is not well-formed (any error, as lxml's parser).
   * The text is already decoded, so it is read as UTF-8 whatever its XML declaration
   * says. `huge` is for the composite: it lifts libxml2's nesting limit (one level deeper
   * than the details MAAS parses alone) and allows the copies' repeated xml:id values.
   */
  parse(xml: string, huge = false): Pointer | null {
    const m = this.m;
    const capacity = xml.length * 3 + 1;
    const buffer = m._malloc(capacity);
    const { written } = encoder.encodeInto(xml, m.HEAPU8.subarray(buffer, buffer + capacity));
    const ctxt = m._xmlNewParserCtxt();
    this.errors.length = 0;
    const options = huge ? PARSE_OPTIONS | XML_PARSE_HUGE : PARSE_OPTIONS;
    const doc = m._xmlCtxtReadMemory(ctxt, buffer, written, 0, this.utf8, options);
    m._xmlFreeParserCtxt(ctxt);
    m._free(buffer);
    // In the composite, the namespaced copy repeats every xml:id of the original; MAAS
    // builds it by moving trees, which never checks that, so neither do we there.
    const failed = this.errors.some((e) => e.level >= XML_ERR_ERROR && !(huge && e.code === XML_DTD_ID_REDEFINED));
    this.errors.length = 0;
    if (doc === 0) return null;
    if (failed) {
      m._xmlFreeDoc(doc);
      return null;
    }
    this.hideIds(doc);
    return doc;
  }

  /**
   * MAAS builds its composite by moving parsed trees into a new document; their xml:id
   * entries stay behind in the documents they were parsed in, so XPath's id() finds
   * nothing there, whatever the details say. Ours is parsed as one text, so libxml2 fills
   * the table: we take it off the document (and put it back to free it) for the same answer.
   */
  private hideIds(doc: Pointer): void {
    const ids = this.m.getValue(doc + DOC_IDS, 'i32');
    if (ids === 0) return;
    this.hiddenIds.set(doc, ids);
    this.m.HEAP32[(doc + DOC_IDS) >> 2] = 0;
  }

  /** Does the document have a DOCTYPE (internal subset or external id)? */
  hasDoctype(doc: Pointer): boolean {
    return this.m._xmlGetIntSubset(doc) !== 0;
  }

  rootElement(doc: Pointer): Pointer {
    return this.m._xmlDocGetRootElement(doc);
  }

  /** A 32-bit word of WASM memory (for walking libxml2's tree; see fast/load.ts). */
  word(pointer: Pointer): number {
    return this.m.HEAP32[pointer >> 2];
  }

  /** WASM memory as 32-bit words; valid until libxml2 next allocates (memory may grow). */
  words(): Int32Array {
    return this.m.HEAP32;
  }

  /** The NUL-terminated UTF-8 string at `pointer`. */
  text(pointer: Pointer): string {
    return this.m.UTF8ToString(pointer);
  }

  /** First element child of an element (skipping text, comments). */
  firstElementChild(node: Pointer): Pointer {
    let child = this.m.getValue(node + 12, 'i32');
    while (child !== 0 && this.m.getValue(child + 4, 'i32') !== 1) child = this.m.getValue(child + 24, 'i32');
    return child;
  }

  freeDoc(doc: Pointer): void {
    const ids = this.hiddenIds.get(doc);
    if (ids !== undefined) {
      this.hiddenIds.delete(doc);
      this.m.HEAP32[(doc + DOC_IDS) >> 2] = ids;
    }
    this.m._xmlFreeDoc(doc);
  }

  /** Compiles an XPath 1.0 expression; libxml2's reason when it does not compile. */
  compile(expression: string): { ok: true; compiled: Pointer } | { ok: false; message: string; position: number | null } {
    const m = this.m;
    const ctx = this.newContext(0);
    const text = this.cString(expression);
    this.errors.length = 0;
    const compiled = m._xmlXPathCtxtCompile(ctx, text);
    m._free(text);
    m._xmlXPathFreeContext(ctx);
    const message = this.errors.map((e) => e.message).join('; ');
    const bytes = this.errors[0]?.int1;
    this.errors.length = 0;
    if (compiled === 0) {
      const position = bytes === undefined || bytes < 0 ? null : Buffer.from(expression, 'utf8').subarray(0, bytes).toString('utf8').length;
      return { ok: false, message: message || 'Invalid expression', position };
    }
    return { ok: true, compiled };
  }

  freeCompiled(compiled: Pointer): void {
    this.m._xmlXPathFreeCompExpr(compiled);
  }

  /**
   * Evaluates with `contextNode` as the context node (relative paths start there) and
   * returns Python's bool() of lxml's result, as MAAS's try_match_xpath does: NaN is
   * true, 0/-0/'' and empty node-sets are false, a node-set of only the document node is
   * false (lxml drops it from the list); an evaluation error is false.
   */
  evaluate(compiled: Pointer, doc: Pointer, contextNode: Pointer): Truth {
    const m = this.m;
    const ctx = this.newContext(doc);
    m._xmlXPathSetContextNode(contextNode, ctx);
    const result = m._xmlXPathCompiledEval(compiled, ctx);
    m._xmlXPathFreeContext(ctx);
    this.errors.length = 0;
    if (result === 0) return false;
    const truth = this.pythonBool(result);
    m._xmlXPathFreeObject(result);
    return truth;
  }

  private pythonBool(result: Pointer): boolean {
    const m = this.m;
    switch (m.getValue(result, 'i32') as XPathType) {
      case XPathType.NodeSet: {
        // lxml turns a node-set into a Python list and leaves the document node out of it
        // (lxml's _unpackNodeSetEntry), so a set holding only `/` is an empty list: False.
        const set = m.getValue(result + XPATH_OBJ_NODESET, 'i32');
        if (set === 0) return false;
        const count = m.getValue(set, 'i32');
        const table = m.getValue(set + NODESET_TABLE, 'i32');
        for (let i = 0; i < count; i++) {
          const type = m.getValue(m.getValue(table + 4 * i, 'i32') + NODE_TYPE, 'i32');
          if (type !== XML_DOCUMENT_NODE && type !== XML_HTML_DOCUMENT_NODE) return true;
        }
        return false;
      }
      case XPathType.Boolean:
        return m.getValue(result + XPATH_OBJ_BOOL, 'i32') !== 0;
      case XPathType.Number: {
        const value = m.getValue(result + XPATH_OBJ_FLOAT, 'double');
        return value !== 0; // NaN !== 0 is true, as Python's bool(nan)
      }
      case XPathType.String: {
        const text = m.getValue(result + XPATH_OBJ_STRING, 'i32');
        return text !== 0 && m.HEAPU8[text] !== 0;
      }
      default:
        return false;
    }
  }

  private newContext(doc: Pointer): Pointer {
    const m = this.m;
    const ctx = m._xmlXPathNewContext(doc);
    m.HEAP32[(ctx + XPATH_CTX_USER_DATA) >> 2] = 0;
    m.HEAP32[(ctx + XPATH_CTX_ERROR) >> 2] = this.errorCallback;
    // Definitions are compiled and run with MAAS's prefixes: lshw → lshw, lldp → lldp.
    m._xmlXPathRegisterNs(ctx, this.prefixBuffers[0], this.prefixBuffers[0]);
    m._xmlXPathRegisterNs(ctx, this.prefixBuffers[1], this.prefixBuffers[1]);
    return ctx;
  }

  private cString(s: string): Pointer {
    const length = this.m.lengthBytesUTF8(s);
    const p = this.m._malloc(length + 1);
    this.m.stringToUTF8(s, p, length + 1);
    return p;
  }
}
