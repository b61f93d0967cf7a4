// The XPath side of tags, as src-main/xpath/ provides it: compile-checking a definition
// and a worker-based matcher with MAAS's semantics (shared/reference/xpath-tags.md).
export type DefinitionCheck = { ok: true } | { ok: false; message: string };

export interface TagDoc {
  id: string;
  lshw?: string | null;
  lldp?: string | null;
}

export interface TagMatcher {
  /** Ids of `docs` the definition matches (Python bool() of lxml's result; errors = no match). */
  match(definition: string, docs: TagDoc[], opts?: { signal?: AbortSignal }): Promise<string[]>;
  close(): Promise<void>;
}

export interface TagEngine {
  checkDefinition(definition: string): Promise<DefinitionCheck>;
  createTagMatcher(opts?: { workers?: number }): TagMatcher;
}
