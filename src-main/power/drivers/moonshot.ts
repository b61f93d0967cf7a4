// HP Moonshot iLO4 chassis: IPMI 2.0 to the chassis manager, bridged to the cartridge
// named by power_hwaddress — ipmitool bridging options such as "-B 0 -T 0x88 -b 7 -t 0x72
// -m 0x20", which MAAS split into ipmitool's argv (drivers/power/moonshot.py). We accept
// only those five options with numeric values, so the parameter cannot smuggle others.
import type { PowerDriver } from '../driver';
import { PowerError } from '../types';
import { ipmiKey, ipmiPower, ipmiSession, type IpmiSession } from './ipmi';
import { need } from './params';

const bridgeFlags = new Set(['-B', '-T', '-b', '-t', '-m']);

export function bridgeOptions(hw: string): string[] {
  const tokens = hw.trim().split(/\s+/);
  if (tokens.length % 2 !== 0) throw bad();
  for (let i = 0; i < tokens.length; i += 2) {
    if (!bridgeFlags.has(tokens[i]) || !/^(0x[0-9a-fA-F]{1,4}|\d{1,5})$/.test(tokens[i + 1])) throw bad();
  }
  if (!tokens.includes('-t')) throw bad();
  return tokens;
}

const bad = () =>
  new PowerError('bad-parameters', 'power parameter power_hwaddress must be ipmitool bridging options, e.g. "-B 0 -T 0x88 -b 7 -t 0x72 -m 0x20"');

function session(params: Record<string, string>): IpmiSession {
  // power_hwaddress begins with "-": read it raw, then allow only the bridging grammar.
  if (!(params.power_hwaddress ?? '').trim()) need(params, 'power_hwaddress', 'bridging address');
  return { ...ipmiSession({ ...params, power_driver: 'LAN_2_0' }), bridge: bridgeOptions(params.power_hwaddress) };
}

export const moonshotDriver: PowerDriver = {
  // One chassis manager serves every cartridge: serialise on it.
  bmcKey: ipmiKey,
  query: async (ctx) => (await ipmiPower(ctx, session(ctx.params), 'status'))!,
  on: async (ctx) => { await ipmiPower(ctx, session(ctx.params), 'on'); },
  off: async (ctx) => { await ipmiPower(ctx, session(ctx.params), 'off'); },
  cycle: async (ctx) => { await ipmiPower(ctx, session(ctx.params), 'cycle'); },
  softOff: async (ctx) => { await ipmiPower(ctx, session(ctx.params), 'soft'); },
};
