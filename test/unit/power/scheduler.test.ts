import { describe, expect, test } from 'vitest';
import { createScheduler } from '../../../src-main/power/scheduler';

const gate = () => {
  let open!: () => void;
  const p = new Promise<void>((r) => (open = r));
  return { p, open };
};

describe('scheduler', () => {
  test('runs operations on one BMC one at a time, in order, and others in parallel', async () => {
    const s = createScheduler(4);
    const log: string[] = [];
    const g1 = gate();
    const a1 = s.exclusive('bmc-a', async () => { log.push('a1 start'); await g1.p; log.push('a1 end'); });
    const a2 = s.exclusive('bmc-a', async () => { log.push('a2 start'); });
    const b1 = s.exclusive('bmc-b', async () => { log.push('b1 start'); });
    await b1;
    expect(log).toEqual(['a1 start', 'b1 start']);
    expect(s.busy('bmc-a')).toBe(true);
    g1.open();
    await Promise.all([a1, a2]);
    expect(log).toEqual(['a1 start', 'b1 start', 'a1 end', 'a2 start']);
    expect(s.busy('bmc-a')).toBe(false);
  });

  test('a failed operation does not block the next one on the same BMC', async () => {
    const s = createScheduler(1);
    const first = s.exclusive('k', async () => { throw new Error('boom'); });
    await expect(first).rejects.toThrow('boom');
    await expect(s.exclusive('k', async () => 'next')).resolves.toBe('next');
  });

  test('never runs more than the limit at once', async () => {
    const s = createScheduler(3);
    let now = 0;
    let peak = 0;
    const gates = Array.from({ length: 10 }, gate);
    const runs = gates.map((g) => s.slot(async () => { now++; peak = Math.max(peak, now); await g.p; now--; }));
    await new Promise((r) => setImmediate(r));
    expect(now).toBe(3);
    gates.forEach((g) => g.open());
    await Promise.all(runs);
    expect(peak).toBe(3);
  });

  test('close rejects what still waits for a slot', async () => {
    const s = createScheduler(1);
    const g = gate();
    const holding = s.slot(() => g.p);
    const waiting = s.slot(async () => 'never');
    s.close(new Error('closed'));
    await expect(waiting).rejects.toThrow('closed');
    g.open();
    await holding;
  });
});
