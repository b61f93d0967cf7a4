// The power service: picks the driver, serialises per BMC, caps concurrency, times out,
// retries and verifies like MAAS's PowerDriver (drivers/power/__init__.py), polls, and
// reports every outcome to its owner.
import { setMaxListeners } from 'node:events';
import type { DriverConfig, DriverContext, PowerDriver } from './driver';
import { defaultDrivers } from './drivers';
import { powerTypeInfo, secretFieldNames } from './power-types';
import { createRunTool, type SpawnObserver } from './run-tool';
import { createScheduler } from './scheduler';
import { refuseInvalidParameters } from './params-gate';
import { createScratch } from './scratch';
import {
  PowerError,
  type OnPowerResult,
  type PowerAction,
  type PowerResult,
  type PowerService,
  type PowerTarget,
} from './types';

/** MAAS's DEFAULT_WAITING_POLICY: seconds waited between a change and each check. */
export const maasWaitingPolicyMs = [1000, 2000, 2000, 4000, 6000, 8000, 12000] as const;

export interface PowerServiceOptions {
  /** Tools / requests talking to hardware at once, across all BMCs. Default 8. */
  concurrency?: number;
  /** Time limit of one call to a BMC (one tool run or HTTP request). Default 20 s. */
  timeoutMs?: number;
  /** Waits between a change and each verification (and between retries). Default MAAS's. */
  waitingPolicyMs?: readonly number[];
  /** Attempts of a plain query before giving up (waits taken from the policy). Default 3. */
  queryAttempts?: number;
  onResult?: OnPowerResult;
  /** Periodic power-state polling of the nodes `targets` lists (those with a power type). */
  poll?: { intervalMs: number; targets: () => PowerTarget[] | Promise<PowerTarget[]> };
  /** Extra or replacement drivers by power type (tests, benches). */
  drivers?: Record<string, PowerDriver>;
  wakeOnLan?: DriverConfig['wakeOnLan'];
  ipmiTool?: DriverConfig['ipmiTool'];
  /** Default /proc/net/arp. */
  arpTable?: string;
  spawnObserver?: SpawnObserver;
  /** Where tools are looked up (default: this process's PATH). */
  toolPath?: string;
}

export function createPowerService(opts: PowerServiceOptions = {}): PowerService {
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const policy = opts.waitingPolicyMs ?? maasWaitingPolicyMs;
  const queryAttempts = Math.max(1, opts.queryAttempts ?? 3);
  const drivers: Record<string, PowerDriver> = { ...defaultDrivers, ...opts.drivers };
  const scheduler = createScheduler(opts.concurrency ?? 8);
  const scratch = createScratch();
  const closing = new AbortController();
  // Every waiting operation listens for close; hundreds of nodes are normal, not a leak.
  setMaxListeners(0, closing.signal);
  const run = createRunTool({ home: scratch.dir, observer: opts.spawnObserver, path: opts.toolPath });
  const config: DriverConfig = {
    wakeOnLan: opts.wakeOnLan ?? { address: '255.255.255.255', port: 9 },
    ipmiTool: opts.ipmiTool ?? 'auto',
    arpTable: opts.arpTable ?? '/proc/net/arp',
    scratchDir: scratch.dir,
    withFile: scratch.withFile,
  };
  const queries = new Map<string, Promise<PowerResult>>();
  let pollTimer: NodeJS.Timeout | undefined;

  const sleep = (ms: number) =>
    new Promise<void>((resolve, reject) => {
      if (closing.signal.aborted) return reject(closedError());
      const t = setTimeout(() => { closing.signal.removeEventListener('abort', stop); resolve(); }, ms);
      const stop = () => { clearTimeout(t); reject(closedError()); };
      closing.signal.addEventListener('abort', stop, { once: true });
    });

  /** One call to the hardware: inside a global slot, bounded by the timeout. */
  const call = <T>(t: PowerTarget, fn: (ctx: DriverContext) => Promise<T>): Promise<T> =>
    scheduler.slot(async () => {
      const ac = new AbortController();
      const onClose = () => ac.abort(closedError());
      closing.signal.addEventListener('abort', onClose, { once: true });
      const timeout = new PowerError('timeout', `no answer from the ${t.powerType} BMC within ${timeoutMs / 1000} s`);
      let timer: NodeJS.Timeout | undefined;
      // Ends the call at the time limit or on close, even if a driver ignores its signal.
      const deadline = new Promise<never>((_, reject) => {
        ac.signal.addEventListener('abort', () => reject(ac.signal.reason), { once: true });
        timer = setTimeout(() => ac.abort(timeout), timeoutMs);
      });
      try {
        const ctx: DriverContext = { target: t, params: t.params, signal: ac.signal, timeoutMs, run, config };
        return await Promise.race([fn(ctx), deadline]);
      } finally {
        clearTimeout(timer);
        closing.signal.removeEventListener('abort', onClose);
      }
    });

  const readState = async (t: PowerTarget, d: PowerDriver): Promise<'on' | 'off'> => {
    const q = d.query;
    if (!q) throw new PowerError('unsupported', `power type ${t.powerType} cannot report the power state`);
    let last: unknown;
    for (let i = 0; i < queryAttempts; i++) {
      try {
        return await call(t, (ctx) => q(ctx));
      } catch (e) {
        if (isFatal(e)) throw e;
        last = e;
        if (i + 1 < queryAttempts) await sleep(policy[Math.min(i, policy.length - 1)] ?? 1000);
      }
    }
    throw last;
  };

  /** MAAS's _power loop: change, wait, check; retry the change on a transient failure. */
  const changeAndVerify = async (
    t: PowerTarget,
    d: PowerDriver,
    want: 'on' | 'off',
    change: (ctx: DriverContext) => Promise<string | void>,
    alreadySent = false,
  ): Promise<PowerResult> => {
    let lastError: unknown;
    let lastState: string = 'unknown';
    let note: string | void = undefined;
    let sent = alreadySent;
    for (const [i, wait] of policy.entries()) {
      if (!((alreadySent && i === 0) || (d.changeOnce && sent))) {
        try {
          note = await call(t, change);
          sent = true;
        } catch (e) {
          if (isFatal(e)) throw e;
          lastError = e;
          await sleep(wait);
          continue;
        }
      }
      // Nothing to check against (Wake-on-LAN): sent is all that can be said.
      if (!d.query) return { state: 'unknown', changed: true, detail: note || undefined };
      await sleep(wait);
      try {
        lastState = await call(t, (ctx) => d.query!(ctx));
        lastError = undefined;
        if (lastState === want) return { state: want, changed: true, detail: note || undefined };
      } catch (e) {
        if (isFatal(e)) throw e;
        lastError = e;
      }
    }
    throw lastError ?? new PowerError('failed', `the BMC never went from ${lastState} to ${want}`);
  };

  /** The state if it can be read; undefined when the BMC did not answer (not fatal). */
  const stateBefore = async (t: PowerTarget, d: PowerDriver) => {
    if (!d.query) return undefined;
    try {
      return await call(t, (ctx) => d.query!(ctx));
    } catch (e) {
      if (isFatal(e)) throw e;
      return undefined;
    }
  };

  const actions: Record<PowerAction, (t: PowerTarget, d: PowerDriver, soft?: boolean) => Promise<PowerResult>> = {
    query: async (t, d) => ({ state: await readState(t, d), changed: false }),
    on: async (t, d) => {
      // The guard MAAS lacked (LP#1730089): a node that is on is left alone, and "on" is a
      // plain on, never `--cycle --on-if-off`.
      if ((await stateBefore(t, d)) === 'on') return { state: 'on', changed: false, detail: 'already on' };
      return changeAndVerify(t, d, 'on', (ctx) => d.on(ctx));
    },
    off: async (t, d, soft) => {
      const off = soft && d.softOff ? d.softOff : d.off;
      if (!off) throw new PowerError('unsupported', `power type ${t.powerType} can only power nodes on`);
      if ((await stateBefore(t, d)) === 'off') return { state: 'off', changed: false, detail: 'already off' };
      const r = await changeAndVerify(t, d, 'off', (ctx) => off(ctx));
      return soft && !d.softOff ? { ...r, detail: `power type ${t.powerType} has no soft power-off: powered off hard` } : r;
    },
    cycle: async (t, d) => {
      const off = d.off;
      if (!off) throw new PowerError('unsupported', `power type ${t.powerType} can only power nodes on`);
      const before = await stateBefore(t, d);
      if (before === 'off') return changeAndVerify(t, d, 'on', (ctx) => d.on(ctx));
      const cycle = d.cycle;
      if (cycle) {
        // Sent once: a retry of a cycle could reset the node twice; retries send a plain on.
        let sent = true;
        await call(t, (ctx) => cycle(ctx)).catch((e: unknown) => { if (isFatal(e)) throw e; sent = false; });
        return changeAndVerify(t, d, 'on', (ctx) => d.on(ctx), sent);
      }
      await changeAndVerify(t, d, 'off', (ctx) => off(ctx));
      await sleep(d.cycleDelayMs?.(t.params) ?? 0);
      return changeAndVerify(t, d, 'on', (ctx) => d.on(ctx));
    },
  };

  const perform = async (action: PowerAction, t: PowerTarget, source: 'request' | 'poll', soft = false): Promise<PowerResult> => {
    const secrets = secretValues(t);
    try {
      if (closing.signal.aborted) throw closedError();
      const d = driverFor(t);
      const result = await scheduler.exclusive(d.bmcKey(t.params), () => actions[action](t, d, soft));
      opts.onResult?.(t.systemId, action, result, { source });
      return result;
    } catch (e) {
      // The only place a message is composed from what a tool said: lines holding a secret are dropped.
      const err = (e instanceof PowerError ? e : new PowerError('failed', 'the power driver failed unexpectedly', e instanceof Error ? e.message : String(e))).withCause(secrets);
      // Work cut short by close() says nothing about the node: the owner is not told.
      if (!closing.signal.aborted) opts.onResult?.(t.systemId, action, err, { source });
      throw err;
    }
  };

  const driverFor = (t: PowerTarget): PowerDriver => {
    if (!t.powerType) throw new PowerError('unsupported', 'the node has no power type: set one to control its power');
    const info = powerTypeInfo(t.powerType);
    if (info && !info.supported) throw new PowerError('unsupported', `power type ${t.powerType} (${info.description}) is not supported yet by this console`);
    const d = drivers[t.powerType];
    if (!d) throw new PowerError('unsupported', `unknown power type ${t.powerType}`);
    // A type only a test or bench injected has no rules; every real type is checked.
    if (Object.hasOwn(defaultDrivers, t.powerType)) refuseInvalidParameters(t);
    return d;
  };

  /** One query per node at a time: a second asker shares the first one's answer. */
  const query = (t: PowerTarget, source: 'request' | 'poll') => {
    // Same node *and* same parameters: a query right after a parameter change is not
    // answered with the old parameters' result.
    const key = queryKey(t);
    const running = queries.get(key);
    if (running) return running;
    const p = perform('query', t, source).finally(() => queries.delete(key));
    queries.set(key, p);
    return p;
  };

  const pollOnce = async () => {
    const poll = opts.poll;
    if (!poll || closing.signal.aborted) return;
    let targets: PowerTarget[] = [];
    try {
      targets = await poll.targets();
    } catch {
      targets = [];
    }
    for (const t of targets) {
      const d = drivers[t.powerType];
      if (!d?.query || t.powerType === 'manual' || queries.has(queryKey(t)) || powerTypeInfo(t.powerType)?.supported === false) continue;
      let key: string;
      try {
        key = d.bmcKey(t.params);
      } catch {
        continue; // incomplete parameters: the operator sees that when they act on the node
      }
      if (scheduler.busy(key)) continue; // a change is under way; it checks the state itself
      void query(t, 'poll').catch(() => undefined);
    }
  };
  const schedulePoll = () => {
    if (!opts.poll || closing.signal.aborted) return;
    pollTimer = setTimeout(() => { void pollOnce().finally(schedulePoll); }, opts.poll.intervalMs);
    pollTimer.unref();
  };
  schedulePoll();

  return {
    check(t) {
      try {
        driverFor(t).bmcKey(t.params);
        return null;
      } catch (e) {
        return e instanceof PowerError ? e.message : String(e);
      }
    },
    on: (t) => perform('on', t, 'request'),
    off: (t, o) => perform('off', t, 'request', o?.soft === true),
    cycle: (t) => perform('cycle', t, 'request'),
    query: (t) => query(t, 'request'),
    async close() {
      clearTimeout(pollTimer);
      closing.abort(closedError());
      scheduler.close(closedError());
      await scratch.remove();
    },
  };
}

const queryKey = (t: PowerTarget) => JSON.stringify([t.systemId, t.powerType, Object.entries(t.params).sort()]);
const isFatal = (e: unknown) => e instanceof PowerError && e.fatal;
const closedError = () => new PowerError('failed', 'the power service was closed');

function secretValues(t: PowerTarget): string[] {
  const names = new Set([...secretFieldNames(t.powerType), 'power_pass']);
  // A tool may echo a password without the spaces around it: both forms count.
  return Object.entries(t.params).filter(([k]) => names.has(k)).flatMap(([, v]) => [v, v.trim()]).filter((v, i, all) => v.length > 0 && all.indexOf(v) === i);
}
