// The XPath side of tags, as src-main/xpath/ provides it: compile-checking a definition
// and the worker-held corpus definitions are evaluated on, with MAAS's semantics.
import type { PreviewCorpus } from '../../xpath/index';
export type DefinitionCheck = { ok: true } | { ok: false; message: string };

export interface TagDoc {
  id: string;
  lshw?: string | null;
  lldp?: string | null;
}

export interface TagEngine {
  checkDefinition(definition: string): Promise<DefinitionCheck>;
  /** The corpus the region's tag index keeps its nodes in (src-main/xpath/preview.ts). */
  createPreviewCorpus(opts?: { workers?: number }): PreviewCorpus;
}
