// The fleet tag preview's state against a fake console client: typing is sent once it
// pauses, an answer to an older definition never replaces the newest, a refusal is shown
// with the server's words, and clearing the box clears the answer.
import { expect, test, vi } from 'vitest';
import type { ConsoleClient } from '../../../../src-shared/contract/client';
import type { FleetTagPreview } from '../../../../src-shared/contract/fleet';
import { FleetTagPreviewState } from '../../../../src-renderer/src/state/fleet-tag-preview.svelte';

const answer = (matched: number): FleetTagPreview => ({
  matched, previewed: 10, servers: [{ connectionId: 'local', name: 'This laptop', nodes: 10, previewed: 10, matched, matches: [] }],
});

function fakeClient() {
  const asked: string[] = [];
  const pending = new Map<string, (r: unknown) => void>();
  const client = {
    call: (channel: string, req: { definition?: string }) => {
      if (channel === 'fleet.tagPreviewLoad') return Promise.resolve({ ok: true, value: { previewed: 10 } });
      asked.push(req.definition!);
      return new Promise((resolve) => pending.set(req.definition!, resolve));
    },
    on: () => () => {},
  } as unknown as ConsoleClient;
  return { client, asked, reply: (definition: string, r: unknown) => pending.get(definition)!(r) };
}

test('typing is sent once it pauses; only the newest answer shows', async () => {
  vi.useFakeTimers();
  try {
    const { client, asked, reply } = fakeClient();
    const s = new FleetTagPreviewState(client, 100);
    await s.load();
    expect(s.loaded).toBe(10);
    for (const text of ['/', '//', '//node']) { s.setDefinition(text); await vi.advanceTimersByTimeAsync(30); }
    expect(asked).toEqual([]);
    expect(s.busy).toBe(true);
    await vi.advanceTimersByTimeAsync(100);
    expect(asked).toEqual(['//node']);
    s.setDefinition('//node[@id="cpu"]');
    await vi.advanceTimersByTimeAsync(100);
    reply('//node', { ok: true, value: answer(7) });       // the older answer arrives late
    await vi.advanceTimersByTimeAsync(0);
    expect(s.result).toBeNull();
    reply('//node[@id="cpu"]', { ok: true, value: answer(3) });
    await vi.advanceTimersByTimeAsync(0);
    expect(s.result?.matched).toBe(3);
    expect(s.busy).toBe(false);

    s.setDefinition('//node[');
    await vi.advanceTimersByTimeAsync(100);
    reply('//node[', { ok: false, error: { code: 'bad-input', message: 'Invalid xpath expression: Invalid expression' } });
    await vi.advanceTimersByTimeAsync(0);
    expect(s.error).toBe('Invalid xpath expression: Invalid expression');
    expect(s.result).toBeNull();

    s.setDefinition('  ');
    expect([s.error, s.result, s.busy]).toEqual([null, null, false]);
    await vi.advanceTimersByTimeAsync(200);
    expect(asked).toHaveLength(3);
  } finally {
    vi.useRealTimers();
  }
});
