// What the power service's background poller needs from the region: every node with a
// power type (power parameters decrypted only here, in-process), and where each polled
// result goes. A poll records power_state; an event only when the state changed, so a
// quiet lab does not fill the event log (MAAS's poller updated power_state silently).
import type { PowerPollHooks, PowerTarget } from './power-port';
import type { RegionCore } from './region-core';

export function powerPollHooks(core: RegionCore): PowerPollHooks {
  const withPowerType = core.db.prepare(
    "SELECT id, system_id, hostname, power_type FROM nodes WHERE power_type != '' AND power_type != 'manual' ORDER BY id",
  );
  return {
    targets(): PowerTarget[] {
      const rows = withPowerType.all() as { id: number; system_id: string; hostname: string; power_type: string }[];
      return rows.map((r) => ({ systemId: r.system_id, hostname: r.hostname, powerType: r.power_type, params: core.nodes.powerParams(r.id) }));
    },
    record(systemId, result) {
      const n = core.nodes.bySystemId(systemId);
      if (!n) return; // deleted while its BMC was being asked
      const state = result instanceof Error ? 'error' : (result.state ?? 'unknown');
      if (n.power_state === state) return;
      core.tx(() => {
        core.nodes.update(n.id, { power_state: state });
        if (result instanceof Error) core.events.record(n.id, 'NODE_POWER_QUERY_FAILED', result.message);
        else core.events.record(n.id, 'NODE_POWER_QUERIED', `Power state: ${state}`);
      });
    },
  };
}
