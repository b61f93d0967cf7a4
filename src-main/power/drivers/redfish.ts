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
    throw new PowerError('failed', `${what} did not answer JSON for ${path}`);
  }
}

async function system(ctx: DriverContext): Promise<System> {
  const base = baseUrl(ctx.params, 'https');
  const id = optional(ctx.params, 'node_id');
  let url: URL;
  if (id) {
    url = new URL(`/redfish/v1/Systems/${encodeURIComponent(id)}`, base);
  } else {
    const list = parse((await httpCall(ctx, what, new URL('/redfish/v1/Systems', base))).text, '/redfish/v1/Systems') as { Members?: { '@odata.id'?: string }[] };
    const first = list.Members?.[0]?.['@odata.id'];
    if (!first) throw new PowerError('failed', `${what} lists no systems; set node_id`);
    url = new URL(first, base);
  }
  const doc = parse((await httpCall(ctx, what, url)).text, url.pathname) as System['doc'];
  return { url, doc };
}

async function reset(ctx: DriverContext, type: 'On' | 'ForceOff' | 'ForceRestart' | 'GracefulShutdown') {
  const s = await system(ctx);
  const target = s.doc.Actions?.['#ComputerSystem.Reset']?.target ?? `${s.url.pathname.replace(/\/$/, '')}/Actions/ComputerSystem.Reset`;
  await httpCall(ctx, what, new URL(target, s.url), { method: 'POST', json: { ResetType: type } });
}

export const redfishDriver: PowerDriver = {
  bmcKey: (params) => `redfish:${baseUrl(params, 'https').host.toLowerCase()}`,
  async query(ctx) {
    const state = (await system(ctx)).doc.PowerState;
    if (state === 'On') return 'on';
    if (state === 'Off') return 'off';
    // PoweringOn / PoweringOff: in transition; a retryable failure, so the service checks again.
    throw new PowerError('failed', `${what} reports PowerState ${state ?? '(none)'}`);
  },
  on: (ctx) => reset(ctx, 'On'),
  off: (ctx) => reset(ctx, 'ForceOff'),
  cycle: (ctx) => reset(ctx, 'ForceRestart'),
  softOff: (ctx) => reset(ctx, 'GracefulShutdown'),
};
