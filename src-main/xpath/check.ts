// Checking a definition when a tag is saved (MAAS compiles it with the lshw/lldp prefixes
// and answers 400 "Invalid xpath expression: <lxml's reason>" when it does not compile).
import { threadEngine } from './exact';

/** `position`: the character offset where libxml2 stopped understanding the definition. */
export type DefinitionCheck = { ok: true } | { ok: false; message: string; position: number | null };

export async function checkDefinition(definition: string): Promise<DefinitionCheck> {
  const engine = await threadEngine();
  const compiled = engine.compile(definition);
  if (!compiled.ok) return { ok: false, message: compiled.message, position: compiled.position };
  engine.release(compiled);
  return { ok: true };
}
