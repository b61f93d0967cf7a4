// The exact evaluator: MAAS's composite document parsed by libxml2 and the definition run
// by libxml2's XPath 1.0, with MAAS's notion of a match. Everything else in this folder is
// checked against this.
import { buildComposite, type NodeDetails } from './composite';
import { Libxml, type Pointer } from './libxml';

export interface PreparedDocument {
  doc: Pointer;
  contextNode: Pointer;
}

export type Compiled = { ok: true; compiled: Pointer } | { ok: false; message: string; position: number | null };

export class ExactEngine {
  private constructor(readonly libxml: Libxml) {}

  static async create(libxml?: Libxml): Promise<ExactEngine> {
    return new ExactEngine(libxml ?? (await Libxml.create()));
  }

  compile(definition: string): Compiled {
    return this.libxml.compile(definition);
  }

  release(compiled: Compiled): void {
    if (compiled.ok) this.libxml.freeCompiled(compiled.compiled);
  }

  /** Builds and parses a node's composite document. The caller must `dispose` it. */
  prepare(details: NodeDetails): PreparedDocument {
    const parsesAlone = (xml: string): boolean => {
      const doc = this.libxml.parse(xml);
      if (doc === null) return false;
      this.libxml.freeDoc(doc);
      return true;
    };
    let plan = buildComposite(details, parsesAlone);
    let doc = this.libxml.parse(plan.text, true);
    if (doc === null) {
      // Some detail broke the composite: judge each one alone, as MAAS parses them.
      plan = buildComposite(details, parsesAlone, true);
      doc = this.libxml.parse(plan.text, true);
    }
    if (doc === null) {
      // Every kept detail parses alone but not together (e.g. nesting-depth limits):
      // fall back to the bare composite rather than guess.
      plan = buildComposite({}, parsesAlone);
      doc = this.libxml.parse(plan.text) as Pointer;
    }
    const list = this.libxml.rootElement(doc);
    const contextNode = plan.lshwIsRoot ? this.libxml.firstElementChild(list) : list;
    return { doc, contextNode };
  }

  dispose(prepared: PreparedDocument): void {
    this.libxml.freeDoc(prepared.doc);
  }

  matches(compiled: Pointer, prepared: PreparedDocument): boolean {
    return this.libxml.evaluate(compiled, prepared.doc, prepared.contextNode);
  }

  /** One definition over one node, start to finish (parse, evaluate, free). */
  matchOnce(compiled: Pointer, details: NodeDetails): boolean {
    const prepared = this.prepare(details);
    try {
      return this.matches(compiled, prepared);
    } finally {
      this.dispose(prepared);
    }
  }
}

let shared: Promise<ExactEngine> | null = null;

/** The engine of this thread (one WASM instance per thread). */
export function threadEngine(): Promise<ExactEngine> {
  shared ??= ExactEngine.create();
  return shared;
}
