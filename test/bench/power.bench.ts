// Power-state query of 50 BMCs with the concurrency limit at 1, 8 and 32 (PERFORMANCE.md):
// wall time against "slowest BMC × ⌈50 / concurrency⌉", the time a scheduler that keeps
// every slot busy needs. Two sets of BMCs:
//  - 50 real ipmi_sim processes queried with ipmitool (each query spawns ipmitool; on this
//    2-core machine process start-up, not the BMC, is most of the time);
//  - 50 simulated BMCs answering after 100–500 ms (an in-process driver with that latency),
//    closer to real BMCs on a lab network, where waiting dominates.
// Beside each wall time: how busy the slots were (time inside a driver call ÷ concurrency ×
// wall) and the mean call, with the machine's load average — a wall above the reference
// with the slots ~100% busy means each call got slower (the machine), not idle slots (the
// scheduler).
import { loadavg } from 'node:os';
import { createPowerService, type PowerDriver, type PowerTarget } from '../../src-main/power';
import { defaultDrivers } from '../../src-main/power/drivers';
import { startIpmiSim, type IpmiSim } from '../integration/power/peers/ipmi-sim';
import type { Bench, Figure } from './types';

const count = 50;
const concurrencies = [1, 8, 32];

interface Run { wall: number; meanCall: number; busy: number; load: number }

/** The driver, with every query's time inside its slot added to `calls`. */
const timed = (d: PowerDriver, calls: number[]): PowerDriver => ({
  ...d,
  query: async (ctx) => {
    const a = performance.now();
    try {
      return await d.query!(ctx);
    } finally {
      calls.push(performance.now() - a);
    }
  },
});

async function queryAll(targets: PowerTarget[], concurrency: number, type: string, driver: PowerDriver): Promise<Run> {
  const calls: number[] = [];
  const s = createPowerService({ concurrency, queryAttempts: 1, timeoutMs: 20_000, drivers: { [type]: timed(driver, calls) } });
  try {
    const load = loadavg()[0];
    const t0 = performance.now();
    await Promise.all(targets.map(async (t) => check(t, await s.query(t))));
    const wall = performance.now() - t0;
    const total = calls.reduce((a, b) => a + b, 0);
    return { wall, meanCall: total / calls.length, busy: total / (Math.min(concurrency, targets.length) * wall), load };
  } finally {
    await s.close();
  }
}

/** Each BMC alone, one after the other: the slowest single answer. */
async function slowestAlone(targets: PowerTarget[]): Promise<number> {
  const s = createPowerService({ concurrency: 1, queryAttempts: 1, timeoutMs: 20_000 });
  let slowest = 0;
  try {
    for (const t of targets) {
      const a = performance.now();
      check(t, await s.query(t));
      slowest = Math.max(slowest, performance.now() - a);
    }
  } finally {
    await s.close();
  }
  return slowest;
}

function check(t: PowerTarget, r: { state: string }) {
  if (r.state !== 'on' && r.state !== 'off') throw new Error(`no power state from ${t.systemId}`);
}

function figures(label: string, slowest: number, runs: Map<number, Run>, notes: string): Figure[] {
  return concurrencies.flatMap((c) => {
    const r = runs.get(c)!;
    return [{
      name: `power query, ${count} ${label}, concurrency ${c}`,
      value: r.wall,
      unit: 'ms',
      reference: { name: `slowest BMC (${slowest.toFixed(0)} ms) × ⌈${count}/${c}⌉`, value: slowest * Math.ceil(count / c), unit: 'ms' },
      target: 'wall ≈ slowest BMC × ⌈50 / concurrency⌉',
      notes,
    }, {
      name: `  … slots busy ${(r.busy * 100).toFixed(0)}%, mean call (load average ${r.load.toFixed(1)})`,
      value: r.meanCall,
      unit: 'ms',
      notes: 'time inside driver calls ÷ (concurrency × wall); load: 1-minute average at the start',
    }];
  });
}

async function realBmcs(): Promise<Figure[]> {
  const sims: IpmiSim[] = [];
  try {
    for (let i = 0; i < count; i++) sims.push(await startIpmiSim({ power: i % 2 ? 'on' : 'off' }));
    const targets = sims.map((b, i): PowerTarget => ({
      systemId: `bmc-${i}`, hostname: `node-${i}`, powerType: 'ipmi',
      params: { power_driver: 'LAN_2_0', power_address: b.address, power_user: b.user, power_pass: b.password },
    }));
    const ipmi = defaultDrivers.ipmi;
    await queryAll(targets.slice(0, 4), 4, 'ipmi', ipmi); // warm the page cache for ipmitool
    const slowest = await slowestAlone(targets);
    const runs = new Map<number, Run>();
    for (const c of concurrencies) runs.set(c, await queryAll(targets, c, 'ipmi', ipmi));
    return figures('ipmi_sim BMCs (ipmitool, LAN_2_0)', slowest, runs, 'real ipmi_sim processes on loopback');
  } finally {
    await Promise.all(sims.map((s) => s.stop()));
  }
}

async function simulatedBmcs(): Promise<Figure[]> {
  // Deterministic spread of answer times: 100, 108, …, 492 ms.
  const latency = (i: number) => 100 + i * 8;
  const driver: PowerDriver = {
    bmcKey: (p) => p.power_address,
    query: (ctx) => new Promise((r) => setTimeout(() => r('on'), latency(Number(ctx.params.power_address)))),
    on: async () => undefined,
  };
  const targets = Array.from({ length: count }, (_, i): PowerTarget => ({ systemId: `sim-${i}`, hostname: `sim-${i}`, powerType: 'sim', params: { power_address: String(i) } }));
  const runs = new Map<number, Run>();
  for (const c of concurrencies) runs.set(c, await queryAll(targets, c, 'sim', driver));
  return figures('simulated BMCs (100–492 ms each)', latency(count - 1), runs, 'in-process driver with fixed per-BMC latency');
}

export const powerBench: Bench = {
  id: 'power',
  async run() {
    return [...(await realBmcs()), ...(await simulatedBmcs())];
  },
};
