// start / stop / query_power_state. The power service behind core.power (src-main/power/,
// injected through startRegion) does the BMC work; without a usable driver these answer
// 503 with the reason and change nothing.
//
// start and stop are asynchronous, as in MAAS: the request is checked, queued and
// answered; the outcome follows as the node's power_state and an event. A BMC that settles
// within `answerWithinMs` is reported in the answer itself (a failure as 503); a slow or
// dead one never holds the HTTP request — its long waits are the power service's.
import { NodeStatus as S } from '../../../src-shared/maas/index';
import { unavailable } from '../http/errors';
import type { RegionCore } from '../region-core';
import type { NodeRow } from '../stores/nodes-store';
import type { PowerTarget } from '../power-port';

const answerWithinMs = 300;

export function powerTarget(core: RegionCore, n: NodeRow): PowerTarget {
  const why = core.power.unavailable(n.power_type);
  if (why) throw unavailable(`Cannot control the power of ${n.hostname}: ${why}`);
  const target = { systemId: n.system_id, hostname: n.hostname, powerType: n.power_type, params: core.nodes.powerParams(n.id) };
  const unusable = core.power.check?.(target);
  if (unusable) throw unavailable(`Cannot control the power of ${n.hostname}: ${unusable}`);
  return target;
}

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Writes an outcome that arrived after the answer; a region closed meanwhile keeps nothing. */
function later(core: RegionCore, fn: () => void): void {
  if (core.db.open) core.tx(fn);
}

/** Waits up to answerWithinMs for `outcome`: its failure then is the answer's (503). */
async function answer(outcome: Promise<unknown>, failed: (e: unknown) => Error): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((r) => { timer = setTimeout(() => r('late'), answerWithinMs); });
  try {
    await Promise.race([outcome, late]);
  } catch (e) {
    throw failed(e);
  } finally {
    clearTimeout(timer);
  }
  outcome.catch(() => undefined); // recorded as an event; nobody is waiting any more
}

/** Power on; an Allocated node deploys (no installer runs here: Deployed once powered on). */
export async function startNode(core: RegionCore, node: NodeRow): Promise<void> {
  const target = powerTarget(core, node);
  const deploying = node.status === S.ALLOCATED;
  core.tx(() => {
    if (deploying) core.changeStatus(node, S.DEPLOYING);
    core.events.record(node.id, 'NODE_POWER_ON_STARTING', '');
  });
  const outcome = core.power.on(target).then(
    (r) => later(core, () => {
      core.nodes.update(node.id, { power_state: r.state });
      core.events.record(node.id, 'NODE_POWERED_ON', '');
      const n = core.nodes.byId(node.id);
      if (deploying && n?.status === S.DEPLOYING) core.changeStatus(n, S.DEPLOYED);
    }),
    (e: unknown) => {
      later(core, () => {
        core.nodes.update(node.id, { power_state: 'error' });
        core.events.record(node.id, 'NODE_POWER_ON_FAILED', reason(e));
        const n = core.nodes.byId(node.id);
        if (deploying && n?.status === S.DEPLOYING) core.changeStatus(n, S.FAILED_DEPLOYMENT);
      });
      throw e;
    },
  );
  await answer(outcome, (e) => unavailable(`Power on of ${node.hostname} failed: ${reason(e)}`));
}

/** `soft`: stop_mode=soft, an OS shutdown where the power type supports one (else hard). */
export async function stopNode(core: RegionCore, node: NodeRow, soft = false): Promise<void> {
  const target = powerTarget(core, node);
  core.tx(() => core.events.record(node.id, 'NODE_POWER_OFF_STARTING', soft ? 'soft: the OS is asked to shut down' : ''));
  const outcome = core.power.off(target, { soft }).then(
    (r) => later(core, () => {
      core.nodes.update(node.id, { power_state: r.state });
      core.events.record(node.id, 'NODE_POWERED_OFF', '');
    }),
    (e: unknown) => {
      later(core, () => {
        core.nodes.update(node.id, { power_state: 'error' });
        core.events.record(node.id, 'NODE_POWER_OFF_FAILED', reason(e));
      });
      throw e;
    },
  );
  await answer(outcome, (e) => unavailable(`Power off of ${node.hostname} failed: ${reason(e)}`));
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
