// MAAS tag evaluation: merge_details + XPath 1.0 exactly as MAAS (lxml) does it.
// Semantics: shared/reference/xpath-tags.md; design: README "Tag evaluation".
export { checkDefinition, type DefinitionCheck } from './check';
export { createTagMatcher, InvalidDefinitionError, type MatchOptions, type TagMatcher } from './matcher';
export { createPreviewCorpus, fillCorpus, type CorpusSnapshot, type PreviewCorpus, type SnapshotSource } from './preview';
export { loadCorpus, saveCorpus, type OpenedCorpus, type SavedCorpus } from './corpus-file';
export type { DocumentInput, EvaluationStats, ShardStats } from './protocol';
export type { NodeDetails } from './composite';
