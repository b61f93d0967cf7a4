// An in-memory BMC behind the PowerDriver interface, for the service's own logic
// (retries, guard, ordering). Real BMCs are exercised in test/integration/power.
import type { PowerDriver } from '../../../src-main/power';
import { PowerError } from '../../../src-main/power';

export interface FakeBmc {
  state: 'on' | 'off';
  calls: string[];
  /** Errors thrown by the next calls, in order (then the BMC behaves). */
  failNext: PowerError[];
  /** Number of checks after a change before the new state shows (a slow BMC). */
  lag: number;
  /** Resolves calls only when opened (a hung BMC); undefined = answer at once. */
  hold?: Promise<void>;
}

export function fakeBmc(init: Partial<FakeBmc> = {}): FakeBmc {
  return { state: 'off', calls: [], failNext: [], lag: 0, ...init };
}

export function fakeDriver(bmcs: Record<string, FakeBmc>): PowerDriver {
  let pending: { to: 'on' | 'off'; after: number } | undefined;
  const step = async (addr: string, what: string) => {
    const b = bmcs[addr];
    if (!b) throw new PowerError('unreachable', `no BMC at ${addr}`);
    b.calls.push(what);
    if (b.hold) await b.hold;
    const e = b.failNext.shift();
    if (e) throw e;
    return b;
  };
  const set = (b: FakeBmc, to: 'on' | 'off') => {
    if (b.lag === 0) b.state = to;
    else if (pending?.to !== to) pending = { to, after: b.lag }; // a repeated change does not restart it
  };
  return {
    bmcKey: (p) => p.power_address ?? '',
    query: async (ctx) => {
      const b = await step(ctx.params.power_address, 'query');
      if (pending && --pending.after <= 0) { b.state = pending.to; pending = undefined; }
      return b.state;
    },
    on: async (ctx) => { set(await step(ctx.params.power_address, 'on'), 'on'); },
    off: async (ctx) => { set(await step(ctx.params.power_address, 'off'), 'off'); },
    cycle: async (ctx) => { const b = await step(ctx.params.power_address, 'cycle'); b.state = 'on'; },
  };
}

export const node = (address: string, systemId = `node-${address}`) => ({
  systemId,
  hostname: systemId,
  powerType: 'fake',
  params: { power_address: address, power_pass: 'hunter2-secret' },
});
