// The power service as the embedded region consumes it (src-main/region/power-port.ts's
// RegionPower, matched structurally so power/ does not depend on region/): the catalogue
// for describe_power_types, a reason when a type cannot be driven, on/off/query, and
// background polling whose results the region records (power_state, events on change).
import { powerTypeInfo, powerTypes, type PowerTypeInfo } from './power-types';
import { createPowerService, type PowerServiceOptions } from './service';
import { PowerError, type PowerResult, type PowerTarget } from './types';

/** What the region gives the poller: the nodes with a power type, and where results go. */
export interface PowerPollHooks {
  targets(): PowerTarget[];
  record(systemId: string, result: PowerResult | PowerError): void;
}

export interface RegionPowerService {
  readonly types: readonly PowerTypeInfo[];
  unavailable(powerType: string): string | null;
  check(t: PowerTarget): string | null;
  on(t: PowerTarget): Promise<PowerResult>;
  off(t: PowerTarget, opts?: { soft?: boolean }): Promise<PowerResult>;
  cycle(t: PowerTarget): Promise<PowerResult>;
  query(t: PowerTarget): Promise<PowerResult>;
  /** Starts polling every `pollIntervalMs` (the region calls this once it is open). */
  attach(hooks: PowerPollHooks): void;
  close(): Promise<void>;
}

/** MAAS polled node power states every 5 minutes (cluster `query_nodes` service). */
export const defaultPollIntervalMs = 5 * 60_000;

export function createRegionPower(opts: Omit<PowerServiceOptions, 'poll' | 'onResult'> & { pollIntervalMs?: number } = {}): RegionPowerService {
  let hooks: PowerPollHooks | undefined;
  const service = createPowerService({
    ...opts,
    poll: opts.pollIntervalMs === 0 ? undefined : { intervalMs: opts.pollIntervalMs ?? defaultPollIntervalMs, targets: () => hooks?.targets() ?? [] },
    // Requests are recorded by the region's handlers (node-power.ts) with their own events;
    // only polled results come back this way.
    onResult: (systemId, _action, result, meta) => {
      if (meta.source === 'poll') hooks?.record(systemId, result);
    },
  });
  // manual: MAAS let such nodes start and stop (the operator switches them by hand) and
  // could not tell their state.
  const manual = (t: PowerTarget) => t.powerType === 'manual';
  const handOperated: PowerResult = { state: 'unknown', changed: false, detail: 'manual power type: switch the node by hand' };
  return {
    types: powerTypes,
    unavailable(powerType) {
      if (powerType === '') return 'The node has no power type set.';
      const info = powerTypeInfo(powerType);
      if (!info) return `Unknown power type "${powerType}".`;
      if (!info.supported) return `Power type ${powerType} (${info.description}) is not supported yet by this console.`;
      return null;
    },
    check: (t) => (manual(t) ? null : service.check(t)),
    on: (t) => (manual(t) ? Promise.resolve(handOperated) : service.on(t)),
    off: (t, o) => (manual(t) ? Promise.resolve(handOperated) : service.off(t, o)),
    cycle: (t) => (manual(t) ? Promise.resolve(handOperated) : service.cycle(t)),
    query: (t) => service.query(t),
    attach(h) {
      hooks = h;
    },
    close: () => service.close(),
  };
}
