// DMTF Redfish: GET /redfish/v1/Systems/{id} → PowerState, POST the system's
// #ComputerSystem.Reset action with ResetType On / ForceOff / ForceRestart. node_id picks
// the system; empty means the first member of /redfish/v1/Systems (as MAAS's driver does).
// MAAS's redfish power_on powered a running node off first; we never do.
import type { DriverContext, PowerDriver } from '../driver';
import { PowerError } from '../types';
import { baseUrl, httpCall } from './http';
import { optional } from './params';

interface System {
  url: URL;
  doc: { PowerState?: string; Actions?: Record<string, { target?: string }> };
}

const what = 'the Redfish BMC';

function parse(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new PowerError('protocol', `${what} did not answer JSON for ${path}`);
  }
}

/** A link the BMC gave: followed only on the BMC itself (credentials go with every request). */
function onBmc(link: string, from: URL): URL {
  const u = new URL(link, from);
  if (u.origin !== from.origin) throw new PowerError('protocol', `${what} links to another host (${u.origin}): not followed`);
  return u;
}

async function system(ctx: DriverContext): Promise<System> {
  const base = baseUrl(ctx.params, 'https');
  const id = optional(ctx.params, 'node_id');
  let url: URL;
  if (id) {
    url = new URL(`/redfish/v1/Systems/${encodeURIComponent(id)}`, base);
  } else {
    const reply = await httpCall(ctx, what, new URL('/redfish/v1/Systems', base));
    const list = parse(reply.text, '/redfish/v1/Systems') as { Members?: { '@odata.id'?: string }[] };
    const first = list.Members?.[0]?.['@odata.id'];
    if (!first) throw new PowerError('bad-parameters', `${what} lists no systems; set node_id`);
    url = onBmc(first, reply.url);
  }
  const reply = await httpCall(ctx, what, url);
  return { url: reply.url, doc: parse(reply.text, url.pathname) as System['doc'] };
}

async function reset(ctx: DriverContext, type: 'On' | 'ForceOff' | 'ForceRestart' | 'GracefulShutdown') {
  const s = await system(ctx);
  const target = s.doc.Actions?.['#ComputerSystem.Reset']?.target ?? `${s.url.pathname.replace(/\/$/, '')}/Actions/ComputerSystem.Reset`;
  await httpCall(ctx, what, onBmc(target, s.url), { method: 'POST', json: { ResetType: type } });
}

// MAAS's mapping of Redfish's PowerState: a system powering on still counts as off and
// one powering off (or paused) as on, so verification waits for the transition to end.
const states: Record<string, 'on' | 'off'> = { On: 'on', Paused: 'on', PoweringOff: 'on', Off: 'off', PoweringOn: 'off' };
// Some BMCs pass through these while resetting: worth asking again, not an answer.
const transitional = new Set(['Reset', 'Unknown', '', undefined]);

export const redfishDriver: PowerDriver = {
  bmcKey: (params) => `redfish:${baseUrl(params, 'https').host.toLowerCase()}`,
  // A reset action is sent once per change; later rounds only read the state (a second
  // ForceOff or ForceRestart is not harmless the way a second IPMI "on" is).
  changeOnce: true,
  async query(ctx) {
    const state = (await system(ctx)).doc.PowerState;
    const known = typeof state === 'string' ? states[state] : undefined;
    if (known) return known;
    if (transitional.has(state)) throw new PowerError('failed', `${what} reports no settled power state yet`, String(state ?? '(none)'));
    throw new PowerError('protocol', `${what} reports a PowerState Redfish does not define`, String(state));
  },
  on: (ctx) => reset(ctx, 'On'),
  off: (ctx) => reset(ctx, 'ForceOff'),
  cycle: (ctx) => reset(ctx, 'ForceRestart'),
  softOff: (ctx) => reset(ctx, 'GracefulShutdown'),
};
