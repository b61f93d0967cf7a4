// Digital Loggers web power switch (MAAS's dli driver): GET /outlet?N=ON|OFF switches
// outlet N, and /index.htm carries "<!-- state=HH lock=HH -->", a hex bitmap in which bit
// N-1 is outlet N. Outlet numbers come from the system_id parameter ("Outlet ID").
import type { DriverContext, PowerDriver } from '../driver';
import { PowerError } from '../types';
import { baseUrl, httpCall } from './http';
import { need } from './params';

function outlet(params: Record<string, string>): number {
  const id = need(params, 'system_id', 'outlet ID');
  if (!/^\d{1,2}$/.test(id) || Number(id) < 1 || Number(id) > 16) throw new PowerError('bad-parameters', 'power parameter system_id (outlet ID) must be an outlet number 1-16');
  return Number(id);
}

async function switchOutlet(ctx: DriverContext, to: 'ON' | 'OFF' | 'CCL') {
  const url = new URL(`outlet?${outlet(ctx.params)}=${to}`, baseUrl(ctx.params, 'http'));
  await httpCall(ctx, 'the DLI power switch', url);
}

export const dliDriver: PowerDriver = {
  bmcKey: (params) => `dli:${baseUrl(params, 'http').host.toLowerCase()}`,
  async query(ctx) {
    const n = outlet(ctx.params);
    const page = await httpCall(ctx, 'the DLI power switch', new URL('index.htm', baseUrl(ctx.params, 'http')));
    const m = /<!--\s*state=([0-9a-fA-F]+)/.exec(page.text);
    if (!m) throw new PowerError('protocol', 'the DLI power switch page has no outlet state ("<!-- state=…")');
    return (parseInt(m[1], 16) >> (n - 1)) & 1 ? 'on' : 'off';
  },
  on: (ctx) => switchOutlet(ctx, 'ON'),
  off: (ctx) => switchOutlet(ctx, 'OFF'),
  cycle: (ctx) => switchOutlet(ctx, 'CCL'),
};
