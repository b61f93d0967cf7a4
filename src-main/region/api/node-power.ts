// start / stop / query_power_state: small on purpose. The power service behind
// core.power (src-main/power/, injected through startRegion) does the BMC work; without a
// usable driver these answer 503 with the reason and change nothing.
import { NodeStatus as S } from '../../../src-shared/maas/index';
import { unavailable } from '../http/errors';
import type { RegionCore } from '../region-core';
import type { NodeRow } from '../stores/nodes-store';
import type { PowerTarget } from '../power-port';

export function powerTarget(core: RegionCore, n: NodeRow): PowerTarget {
  const why = core.power.unavailable(n.power_type);
  if (why) throw unavailable(`Cannot control the power of ${n.hostname}: ${why}`);
  return { systemId: n.system_id, hostname: n.hostname, powerType: n.power_type, params: core.nodes.powerParams(n.id) };
}

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Power on; an Allocated node deploys (no installer runs here: Deployed once powered on). */
export async function startNode(core: RegionCore, node: NodeRow): Promise<void> {
  const target = powerTarget(core, node);
  const deploying = node.status === S.ALLOCATED;
  if (deploying) core.tx(() => core.changeStatus(node, S.DEPLOYING));
  try {
    const r = await core.power.on(target);
    core.tx(() => {
      core.nodes.update(node.id, { power_state: r.state });
      core.events.record(node.id, 'NODE_POWERED_ON', '');
      const n = core.nodes.byId(node.id);
      if (deploying && n?.status === S.DEPLOYING) core.changeStatus(n, S.DEPLOYED);
    });
  } catch (e) {
    core.tx(() => {
      core.events.record(node.id, 'NODE_POWER_ON_FAILED', reason(e));
      const n = core.nodes.byId(node.id);
      if (deploying && n?.status === S.DEPLOYING) core.changeStatus(n, S.FAILED_DEPLOYMENT);
    });
    throw unavailable(`Power on of ${node.hostname} failed: ${reason(e)}`);
  }
}

/** `soft`: stop_mode=soft, an OS shutdown where the power type supports one (else hard). */
export async function stopNode(core: RegionCore, node: NodeRow, soft = false): Promise<void> {
  const target = powerTarget(core, node);
  try {
    const r = await core.power.off(target, { soft });
    core.tx(() => {
      core.nodes.update(node.id, { power_state: r.state });
      core.events.record(node.id, 'NODE_POWERED_OFF', '');
    });
  } catch (e) {
    core.tx(() => core.events.record(node.id, 'NODE_POWER_OFF_FAILED', reason(e)));
    throw unavailable(`Power off of ${node.hostname} failed: ${reason(e)}`);
  }
}

export async function queryPower(core: RegionCore, node: NodeRow): Promise<{ state: string }> {
  const target = powerTarget(core, node);
  try {
    const r = await core.power.query(target);
    core.tx(() => {
      core.nodes.update(node.id, { power_state: r.state });
      core.events.record(node.id, 'NODE_POWER_QUERIED', `Power state: ${r.state}`);
    });
    return { state: r.state };
  } catch (e) {
    core.tx(() => {
      core.nodes.update(node.id, { power_state: 'error' });
      core.events.record(node.id, 'NODE_POWER_QUERY_FAILED', reason(e));
    });
    throw unavailable(`Power state of ${node.hostname} could not be queried: ${reason(e)}`);
  }
}

/** MAAS powered released machines off: best effort, after the release has committed. */
export function powerOffReleased(core: RegionCore, released: NodeRow[]): void {
  for (const n of released) {
    if (n.status !== S.DEPLOYED && n.status !== S.DEPLOYING) continue;
    if (core.power.unavailable(n.power_type)) continue;
    void stopNode(core, n).catch(() => undefined); // the failure is recorded as an event
  }
}
