import { describe, expect, it } from 'vitest';
import { markdown } from '../../bench/report';
import { isolated } from '../../bench/isolated';
import { createRunner, type RunState } from '../../bench/runner';
import type { Bench } from '../../bench/types';

const tableRows = (md: string) => md.split('\n').filter((l) => l.startsWith('|'));

describe('bench runner', () => {
  it('keeps the figures a bench reported before it threw, names the bench and the error, and goes on to the next', async () => {
    const saves: RunState[] = [];
    const half: Bench = {
      id: 'half',
      async run(report) {
        report({ name: 'first figure', value: 1.5, unit: 's' });
        report({ name: 'second | piped', value: 2, unit: 'ms', notes: 'a | b\nc' });
        throw new Error('worker died\nstack line');
      },
    };
    const whole: Bench = { id: 'whole', run: async () => [{ name: 'returned', value: 3, unit: 'MiB', reference: { name: 'ref', value: 6, unit: 'MiB' } }] };
    const state = await createRunner([half, whole], { saved: (s) => saves.push(structuredClone(s)) }).run();

    expect(state.rows.map((r) => [r.bench, r.name])).toEqual([
      ['half', 'first figure'], ['half', 'second | piped'], ['half', 'FAILED: half: worker died'], ['whole', 'returned'],
    ]);
    expect(state.runs.map((r) => [r.id, r.failed])).toEqual([['half', true], ['whole', false]]);
    // Saved after each bench: a run stopped after the first still has its figures on disk.
    expect(saves.map((s) => [s.rows.length, s.pending])).toEqual([[3, ['whole']], [4, []]]);

    const md = markdown({ at: '2026-12-05T16:10:00.000Z', ...state });
    const rows = tableRows(md);
    expect(rows).toHaveLength(2 + 4); // header, separator, one line per figure
    for (const r of rows) expect(r.split(/(?<!\\)\|/)).toHaveLength(9); // 7 cells, every | in a cell escaped
    expect(md).toContain('| whole | returned | 3.00 MiB | ref: 6.00 MiB | 2.00× faster |');
    expect(md).toContain('| half | FAILED: half: worker died | — |');
    expect(md).toMatch(/^- half: \d+ s wall, from \d\d:\d\d:\d\d UTC; 1-min load \d+\.\d\d at start, \d+\.\d\d at end; FAILED/m);
    expect(md).toMatch(/^- whole: \d+ s wall/m);
    expect(md).toContain('Benches in this file: half, whole.');
  });

  it('records a crash outside the bench against the bench running then, keeping its figures', async () => {
    let saved: RunState | null = null;
    let release!: () => void;
    const hang: Bench = {
      id: 'hang',
      async run(report) {
        report({ name: 'before the crash', value: 1, unit: 's' });
        await new Promise<void>((r) => { release = r; });
      },
    };
    const runner = createRunner([hang, { id: 'later', run: async () => [] }], { saved: (s) => { saved = s; } });
    const running = runner.run();
    await new Promise((r) => setTimeout(r, 0));
    const state = runner.crash(new Error('uncaught in a worker'));
    expect(state.rows.map((r) => r.name)).toEqual(['before the crash', 'FAILED: hang: uncaught in a worker']);
    expect(saved!.pending).toEqual(['later']);
    expect(markdown({ at: '2026-12-05T16:10:00.000Z', ...state })).toContain('not run (yet): later');
    release();
    await running;
  });

  it('skips a bench that cannot run with a FAILED row saying why', async () => {
    const state = await createRunner([{ id: 'ui', browser: true, run: async () => [{ name: 'x', value: 1, unit: 's' }] }], {
      saved: () => undefined, skip: (b) => (b.browser ? 'building the renderer failed' : null),
    }).run();
    expect(state.rows.map((r) => r.name)).toEqual(['FAILED: ui: building the renderer failed']);
  });

  it('gives up on a bench past its time limit, keeps what it reported, drops what it reports later, and runs the next', async () => {
    let late!: (name: string) => void;
    const slow: Bench = {
      id: 'slow',
      async run(report) {
        report({ name: 'in time', value: 1, unit: 's' });
        late = (name) => report({ name, value: 2, unit: 's' });
        await new Promise(() => undefined);
      },
    };
    const next: Bench = { id: 'next', run: async () => [{ name: 'next figure', value: 3, unit: 's' }] };
    const state = await createRunner([slow, next], { saved: () => undefined, limitSeconds: 0.05 }).run();
    late('too late');
    expect(state.rows.map((r) => r.name)).toEqual(['in time', 'FAILED: slow: did not finish within 0.05 s (the figures it reported before are kept)', 'next figure']);
    expect(state.runs.map((r) => r.failed)).toEqual([true, false]);
  });

  it('runs each bench in a process of its own, whose figures arrive as measured and whose failure names the cause', async () => {
    const figures: string[] = [];
    await isolated({ id: 'contract', run: async () => [] }, 120).run((f) => { figures.push(f.name); });
    expect(figures).toEqual(['IPC dispatch (validate + handle), in-process']);
    await expect(isolated({ id: 'no-such-bench', run: async () => [] }, 120).run(() => undefined)).rejects.toThrow('no bench no-such-bench');
  }, 120_000);
});
