import { describe, expect, onTestFinished, test } from 'vitest';
import { createPowerService, PowerError, type PowerServiceOptions } from '../../../src-main/power';
import { withheldLine } from '../../../src-main/power/types';
import { fakeBmc, fakeDriver, node, type FakeBmc } from './fake-bmc';

const fast = [1, 1, 1, 1, 1, 1, 1];

function service(bmcs: Record<string, FakeBmc>, extra: PowerServiceOptions = {}) {
  const results: [string, string, unknown][] = [];
  const s = createPowerService({
    drivers: { fake: fakeDriver(bmcs) },
    waitingPolicyMs: fast,
    onResult: (id, action, r) => results.push([id, action, r instanceof PowerError ? r.kind : r.state]),
    ...extra,
  });
  onTestFinished(() => s.close());
  return { s, results };
}

describe('power service', () => {
  test('power on of a node already on does nothing to it', async () => {
    const a = fakeBmc({ state: 'on' });
    const { s, results } = service({ a });
    await expect(s.on(node('a'))).resolves.toEqual({ state: 'on', changed: false, detail: 'already on' });
    expect(a.calls).toEqual(['query']);
    expect(results).toEqual([['node-a', 'on', 'on']]);
  });

  test('power on of an off node turns it on and checks', async () => {
    const a = fakeBmc({ state: 'off' });
    const { s } = service({ a });
    await expect(s.on(node('a'))).resolves.toMatchObject({ state: 'on', changed: true });
    expect(a.calls).toEqual(['query', 'on', 'query']);
  });

  test('an unknown state before power on still sends a plain on, never a cycle', async () => {
    const a = fakeBmc({ state: 'off', failNext: [new PowerError('unreachable', 'x')] });
    const { s } = service({ a });
    await s.on(node('a'));
    expect(a.calls).toEqual(['query', 'on', 'query']);
  });

  test('retries a transient failure and waits for a slow BMC to show the new state', async () => {
    const a = fakeBmc({ state: 'on', lag: 3 });
    const { s } = service({ a });
    a.failNext.push(new PowerError('timeout', 'slow'), new PowerError('failed', 'busy'));
    // query (timeout → state unknown), off (busy → retry), off, then three checks for the lag
    await expect(s.off(node('a'))).resolves.toMatchObject({ state: 'off', changed: true });
    expect(a.calls).toEqual(['query', 'off', 'off', 'query', 'off', 'query', 'off', 'query']);
  });

  test('gives up after the waiting policy and reports the last error', async () => {
    const a = fakeBmc({ state: 'off' });
    a.failNext = Array.from({ length: 20 }, () => new PowerError('unreachable', 'no route'));
    const { s, results } = service({ a }, { waitingPolicyMs: [1, 1, 1] });
    await expect(s.on(node('a'))).rejects.toMatchObject({ kind: 'unreachable' });
    expect(a.calls.filter((c) => c === 'on')).toHaveLength(3);
    expect(results).toEqual([['node-a', 'on', 'unreachable']]);
  });

  test('a fatal error (bad password) is not retried', async () => {
    // The tool's line that echoes the password is withheld whole, the rest kept.
    const a = fakeBmc({ failNext: [new PowerError('auth', 'password refused', ['login hunter2-secret', 'code 0x0d'])] });
    const { s } = service({ a });
    const e = await s.query(node('a')).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PowerError);
    expect((e as PowerError).kind).toBe('auth');
    expect((e as PowerError).message).toBe(`password refused — ${withheldLine}; code 0x0d`);
    expect(a.calls).toEqual(['query']);
  });

  test('cycle of a node that is on sends one cycle; of a node that is off, a plain on', async () => {
    const a = fakeBmc({ state: 'on' });
    const b = fakeBmc({ state: 'off' });
    const { s } = service({ a, b });
    await s.cycle(node('a'));
    await s.cycle(node('b'));
    expect(a.calls).toEqual(['query', 'cycle', 'query']);
    expect(b.calls).toEqual(['query', 'on', 'query']);
  });

  test('a soft stop on a type without soft power-off powers off hard and says so', async () => {
    const a = fakeBmc({ state: 'on' });
    const { s } = service({ a });
    await expect(s.off(node('a'), { soft: true })).resolves.toMatchObject({ state: 'off', detail: expect.stringContaining('powered off hard') });
    expect(a.calls).toEqual(['query', 'off', 'query']);
  });

  test('a type that cannot read the state says so; manual says there is no control', async () => {
    const { s } = service({});
    const t = { systemId: 'x', hostname: 'x', params: {} };
    await expect(s.query({ ...t, powerType: 'sm15k', params: { power_address: 'sm.lab', system_id: '1', power_user: 'admin', power_pass: 'x', power_control: 'restapi' } }))
      .rejects.toMatchObject({ kind: 'unsupported', message: expect.stringContaining('cannot report the power state') });
    await expect(s.query({ ...t, powerType: 'manual' })).rejects.toMatchObject({ kind: 'unsupported', message: expect.stringContaining('no power control') });
    await expect(s.query({ ...t, powerType: '' })).rejects.toMatchObject({ kind: 'unsupported' });
  });

  test('a hung BMC holds neither its neighbours nor more than one slot', async () => {
    let release!: () => void;
    const dead = fakeBmc({ hold: new Promise<void>((r) => (release = r)) });
    const live = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`live${i}`, fakeBmc({ state: 'on' })]));
    const { s } = service({ dead, ...live }, { concurrency: 2 });
    const stuck = s.query(node('dead'));
    const stuckAgain = s.query({ ...node('dead'), systemId: 'other-node-same-bmc' });
    const answers = await Promise.all(Object.keys(live).map((k) => s.query(node(k))));
    expect(answers.every((r) => r.state === 'on')).toBe(true);
    expect(dead.calls).toEqual(['query']); // the second query waits for the BMC, not a slot
    release();
    await Promise.all([stuck, stuckAgain]);
  });

  test('a hung BMC times out with a timeout error', async () => {
    const dead = fakeBmc({ hold: new Promise<void>(() => undefined) });
    const { s } = service({ dead }, { timeoutMs: 30, queryAttempts: 2 });
    await expect(s.query(node('dead'))).rejects.toMatchObject({ kind: 'timeout' });
    expect(dead.calls).toEqual(['query', 'query']);
  });

  test('polls the listed nodes and reports each state', async () => {
    const a = fakeBmc({ state: 'on' });
    const b = fakeBmc({ state: 'off' });
    const seen = new Map<string, string>();
    let polled!: () => void;
    const done = new Promise<void>((r) => (polled = r));
    const s = createPowerService({
      drivers: { fake: fakeDriver({ a, b }) },
      poll: { intervalMs: 5, targets: () => [node('a'), node('b'), { ...node('c'), powerType: 'manual' }] },
      onResult: (id, action, r, meta) => {
        expect(meta.source).toBe('poll');
        if (!(r instanceof PowerError)) seen.set(id, `${action}:${r.state}`);
        if (seen.size === 2) polled();
      },
    });
    onTestFinished(() => s.close());
    await done;
    expect(Object.fromEntries(seen)).toEqual({ 'node-a': 'query:on', 'node-b': 'query:off' });
  });
});

describe('shared queries', () => {
  test('two asks for the same node share one query; new parameters get their own', async () => {
    let release!: () => void;
    const a = fakeBmc({ state: 'on', hold: new Promise<void>((r) => (release = r)) });
    const b = fakeBmc({ state: 'off' });
    const { s } = service({ a, b });
    const first = s.query(node('a', 'n1'));
    const second = s.query(node('a', 'n1'));
    const moved = s.query({ ...node('a', 'n1'), params: { power_address: 'b', power_pass: 'x' } });
    await expect(moved).resolves.toMatchObject({ state: 'off' });
    release();
    expect(await first).toBe(await second);
    expect(a.calls).toEqual(['query']);
  });
});

test('close stops what is waiting and tells the owner nothing about it', async () => {
  const a = fakeBmc({ hold: new Promise<void>(() => undefined) });
  const { s, results } = service({ a });
  const pending = s.query(node('a'));
  await new Promise((r) => setTimeout(r, 10));
  await s.close();
  await expect(pending).rejects.toMatchObject({ message: expect.stringContaining('closed') });
  expect(results).toEqual([]);
});
