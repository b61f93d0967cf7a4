// Microsoft Open CloudServer Chassis Manager (REST API v2, MSOpenTech/ChassisManager):
// GET http://ADDRESS:PORT/GetBladeState?bladeId=N → <bladeState>ON|OFF</bladeState>,
// SetBladeOn / SetBladeOff / SetBladeActivePowerCycle?bladeId=N&offTime=0, each answering
// <completionCode>Success</completionCode>; HTTP Basic. MAAS's power_on cycled a blade that
// was already on; we do not.
import type { DriverContext, PowerDriver } from '../driver';
import { PowerError } from '../types';
import { baseUrl, httpCall } from './http';
import { need, optional } from './params';
import { xmlElements } from './xml-elements';

const what = 'the OCS chassis manager';

function base(params: Record<string, string>): URL {
  const url = baseUrl(params, 'http');
  const port = optional(params, 'power_port');
  if (port) {
    if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) throw new PowerError('bad-parameters', 'power parameter power_port must be a port number');
    url.port = port;
  }
  return url;
}

function blade(params: Record<string, string>): string {
  const id = need(params, 'blade_id', 'blade');
  if (!/^\d{1,2}$/.test(id) || Number(id) < 1 || Number(id) > 48) throw new PowerError('bad-parameters', 'power parameter blade_id must be a blade number (typically 1-24)');
  return String(Number(id));
}

async function command(ctx: DriverContext, name: string, extra = ''): Promise<Map<string, string>> {
  const url = new URL(`${name}?bladeId=${blade(ctx.params)}${extra}`, base(ctx.params));
  const reply = await httpCall(ctx, what, url);
  const fields = new Map(xmlElements(reply.text, what).filter((e) => e.depth === 1).map((e) => [e.name, e.text.trim()]));
  const code = fields.get('completionCode');
  if (code !== 'Success') throw new PowerError('failed', `${what} did not answer ${name} with Success`, [code ?? 'no completion code', fields.get('statusDescription') ?? ''].filter(Boolean));
  return fields;
}

export const msftocsDriver: PowerDriver = {
  bmcKey: (params) => `msftocs:${base(params).host.toLowerCase()}`,
  async query(ctx) {
    const state = (await command(ctx, 'GetBladeState')).get('bladeState');
    if (state === 'ON') return 'on';
    if (state === 'OFF') return 'off';
    throw new PowerError('protocol', `${what} reported a blade state that is neither ON nor OFF`, state ?? '(none)');
  },
  on: async (ctx) => { await command(ctx, 'SetBladeOn'); },
  off: async (ctx) => { await command(ctx, 'SetBladeOff'); },
  cycle: async (ctx) => { await command(ctx, 'SetBladeActivePowerCycle', '&offTime=0'); },
};
