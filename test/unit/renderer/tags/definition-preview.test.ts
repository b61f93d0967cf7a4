// The definition preview's state machine against a fake console: a keystroke starts a
// check and a preview, batches stream in, a newer keystroke supersedes the older preview
// (cancelled in main, its late events ignored here), gain/lose against the members.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ConsoleClient } from '../../../../src-shared/contract/client';
import { DefinitionPreview } from '../../../../src-renderer/src/views/tags/definition-preview.svelte';

type Handler = (payload: never) => void;

function fakeClient(checkOk: (d: string) => boolean) {
  const listeners = new Map<string, Set<Handler>>();
  const calls: { channel: string; req: Record<string, unknown> }[] = [];
  const client = {
    call: async (channel: string, req: Record<string, unknown>) => {
      calls.push({ channel, req });
      if (channel === 'tags.check') {
        const d = String(req.definition);
        return { ok: true, value: checkOk(d) ? { ok: true } : { ok: false, message: 'Invalid expression', position: d.length } };
      }
      if (channel === 'tags.preview') return { ok: true, value: { previewId: req.previewId, total: 4, unknown: 1 } };
      return { ok: true, value: { cancelled: true } };
    },
    on: (event: string, h: Handler) => {
      const set = listeners.get(event) ?? new Set();
      set.add(h);
      listeners.set(event, set);
      return () => set.delete(h);
    },
  } as unknown as ConsoleClient;
  const emit = (event: string, payload: unknown) => { for (const h of listeners.get(event) ?? []) h(payload as never); };
  const previewIds = () => calls.filter((c) => c.channel === 'tags.preview').map((c) => String(c.req.previewId));
  return { client, calls, emit, previewIds };
}

beforeEach(() => { vi.useFakeTimers(); });
afterEach(() => { vi.useRealTimers(); });

async function settle() {
  await vi.advanceTimersByTimeAsync(200);
}

describe('DefinitionPreview', () => {
  test('streams matches, completes, and measures gain and lose against the members', async () => {
    const f = fakeClient(() => true);
    const p = new DefinitionPreview(f.client, 'c1', () => new Set(['a', 'x']));
    p.set('//node');
    await settle();
    expect(p.phase).toBe('running');
    expect(p).toMatchObject({ total: 4, unknown: 1 });
    const [id] = f.previewIds();
    f.emit('tags.preview.batch', { previewId: id, matched: ['a', 'b'], done: 2, total: 4 });
    expect([...p.matched]).toEqual(['a', 'b']);
    expect(p.gained).toEqual(['b']);
    expect(p.lost).toEqual([]); // not known until complete
    f.emit('tags.preview.batch', { previewId: id, matched: ['c'], done: 4, total: 4 });
    f.emit('tags.preview.end', { previewId: id, outcome: 'complete', matched: ['a', 'b', 'c'], message: null });
    expect(p.phase).toBe('complete');
    expect(p.gained).toEqual(['b', 'c']);
    expect(p.lost).toEqual(['x']);
    await settle(); // the frames that painted them
    expect(p.timing.first).not.toBeNull();
    expect(p.timing.complete).toBeGreaterThanOrEqual(p.timing.first!);
    p.dispose();
  });

  test('changes of one task make one preview, of the last definition, sent before any timer runs', async () => {
    const f = fakeClient(() => true);
    const p = new DefinitionPreview(f.client, 'c1');
    p.set('//n');
    p.set('//no');
    p.set('//node');
    expect(f.calls).toEqual([]); // nothing in the task itself
    await Promise.resolve(); // the microtask: no timer has run (fake timers not advanced)
    expect(f.calls.map((c) => [c.channel, c.req.definition])).toEqual([['tags.check', '//node'], ['tags.preview', '//node']]);
    p.dispose();
    p.set('//gone');
    await settle();
    expect(f.previewIds()).toHaveLength(1); // none after dispose
  });

  test('a newer keystroke supersedes: the older preview is cancelled and its events ignored', async () => {
    const f = fakeClient(() => true);
    const p = new DefinitionPreview(f.client, 'c1');
    p.set('//a');
    await settle();
    p.set('//ab');
    p.set('//abc'); // within the pause: only one more preview starts
    await settle();
    const [older, newer] = f.previewIds();
    expect(f.previewIds()).toHaveLength(2);
    expect(f.calls.find((c) => c.channel === 'tags.cancelPreview')?.req).toEqual({ previewId: older });
    f.emit('tags.preview.batch', { previewId: older, matched: ['stale'], done: 4, total: 4 });
    f.emit('tags.preview.end', { previewId: newer, outcome: 'complete', matched: ['fresh'], message: null });
    expect([...p.matched]).toEqual(['fresh']);
    expect(p.definition).toBe('//abc');
    p.dispose();
  });

  test('a preview stopped by someone else (another window) says so instead of running forever', async () => {
    const f = fakeClient(() => true);
    const p = new DefinitionPreview(f.client, 'c1');
    p.set('//node');
    await settle();
    f.emit('tags.preview.end', { previewId: f.previewIds()[0], outcome: 'cancelled', matched: [], message: null });
    expect(p.phase).toBe('failed');
    expect(p.problem?.message).toMatch(/newer preview/);
    p.dispose();
  });

  test('a definition that does not compile shows the reason and where; an empty one is a manual tag', async () => {
    const f = fakeClient((d) => !d.endsWith('['));
    const p = new DefinitionPreview(f.client, 'c1');
    p.set('//node[');
    await settle();
    expect(p.phase).toBe('invalid');
    expect(p.problem).toEqual({ ok: false, message: 'Invalid expression', position: 7 });
    p.set('');
    await settle();
    expect(p.phase).toBe('empty');
    expect(f.previewIds()).toHaveLength(1);
    p.dispose();
  });
});
