// The live preview's corpus (issue 7): documents stay with the corpus between keystrokes,
// and each evaluation cancels the one before it, so only the newest definition runs.
import { abortError, createTagMatcher, type MatchOptions, type TagMatcher } from './matcher';
import type { DocumentInput } from './protocol';

export interface PreviewCorpus {
  /** Replaces every document. */
  set(docs: DocumentInput[]): void;
  upsert(doc: DocumentInput): void;
  remove(id: string): void;
  readonly size: number;
  /** Matching ids (streamed through onBatch); rejects with AbortError when superseded. */
  evaluate(definition: string, opts?: MatchOptions): Promise<string[]>;
  close(): Promise<void>;
}

export function createPreviewCorpus(opts: { workers?: number; matcher?: TagMatcher } = {}): PreviewCorpus {
  const docs = new Map<string, DocumentInput>();
  const matcher = opts.matcher ?? createTagMatcher({ workers: opts.workers });
  let current: AbortController | null = null;

  return {
    set(next) {
      docs.clear();
      for (const doc of next) docs.set(doc.id, doc);
    },
    upsert(doc) {
      docs.set(doc.id, doc);
    },
    remove(id) {
      docs.delete(id);
    },
    get size() {
      return docs.size;
    },
    async evaluate(definition, evalOpts = {}) {
      current?.abort();
      const controller = new AbortController();
      current = controller;
      const outer = evalOpts.signal;
      if (outer?.aborted) throw abortError();
      const forward = (): void => controller.abort();
      outer?.addEventListener('abort', forward, { once: true });
      try {
        return await matcher.match(definition, [...docs.values()], {
          signal: controller.signal,
          onBatch: evalOpts.onBatch,
        });
      } finally {
        outer?.removeEventListener('abort', forward);
        if (current === controller) current = null;
      }
    },
    async close() {
      current?.abort();
      if (!opts.matcher) await matcher.close();
    },
  };
}
