// The ids of the documents a definition matches on the exact engine (each parsed, evaluated
// and freed); a definition that does not compile throws with libxml2's reason.
import type { ExactEngine } from '../../../src-main/xpath/exact';
import type { DocumentInput } from '../../../src-main/xpath/index';

export function exactIds(engine: ExactEngine, definition: string, docs: DocumentInput[]): string[] {
  const compiled = engine.compile(definition);
  if (!compiled.ok) throw new Error(`${definition}: ${compiled.message}`);
  try {
    return docs.filter((d) => engine.matchOnce(compiled.compiled, d)).map((d) => d.id);
  } finally {
    engine.release(compiled);
  }
}
