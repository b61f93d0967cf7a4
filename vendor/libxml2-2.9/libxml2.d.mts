// The part of libxml2.mjs's module object that src-main/xpath/libxml.ts uses.
type Pointer = number;

export interface Libxml2Module {
  HEAP32: Int32Array;
  HEAPU8: Uint8Array;
  addFunction(fn: (...args: number[]) => void, signature: string): Pointer;
  getValue(pointer: Pointer, type: 'i32' | 'double'): number;
  UTF8ToString(pointer: Pointer): string;
  lengthBytesUTF8(text: string): number;
  stringToUTF8(text: string, pointer: Pointer, capacity: number): void;

  _malloc(size: number): Pointer;
  _free(pointer: Pointer): void;
  _consoleLibxmlVersion(): Pointer;
  _xmlInitParser(): void;
  _xmlSetStructuredErrorFunc(data: Pointer, handler: Pointer): void;
  _xmlSetGenericErrorFunc(data: Pointer, handler: Pointer): void;
  _xmlNewParserCtxt(): Pointer;
  _xmlFreeParserCtxt(ctxt: Pointer): void;
  _xmlCtxtReadMemory(ctxt: Pointer, buffer: Pointer, size: number, url: Pointer, encoding: Pointer, options: number): Pointer;
  _xmlFreeDoc(doc: Pointer): void;
  _xmlGetIntSubset(doc: Pointer): Pointer;
  _xmlDocGetRootElement(doc: Pointer): Pointer;
  _xmlXPathNewContext(doc: Pointer): Pointer;
  _xmlXPathFreeContext(ctx: Pointer): void;
  _xmlXPathRegisterNs(ctx: Pointer, prefix: Pointer, uri: Pointer): number;
  _xmlXPathSetContextNode(node: Pointer, ctx: Pointer): number;
  _xmlXPathCtxtCompile(ctx: Pointer, expression: Pointer): Pointer;
  _xmlXPathFreeCompExpr(compiled: Pointer): void;
  _xmlXPathCompiledEval(compiled: Pointer, ctx: Pointer): Pointer;
  _xmlXPathFreeObject(object: Pointer): void;
}

export default function loadLibxml2(): Promise<Libxml2Module>;
