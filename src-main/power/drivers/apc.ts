// APC switched rack PDUs over SNMP v1 (MAAS's apc driver): outlet N is
// rPDUOutletControlOutletCommand .1.3.6.1.4.1.318.1.1.12.3.3.1.1.4.N — read 1 on / 2 off,
// write 1 immediateOn, 2 immediateOff. Numeric OIDs, because Debian ships no MIBs.
// The community ("private", as MAAS used; not a power parameter) goes to net-snmp through
// a private snmp.conf (SNMPCONFPATH), not argv. MAAS's power_on switched an outlet that was
// already on off and on again; we leave it on, and use power_on_delay only inside a cycle.
import { dirname } from 'node:path';
import type { DriverContext, PowerDriver } from '../driver';
import { PowerError } from '../types';
import { addressKey, hostPort, joinHostPort, need, optional } from './params';

const outletCommand = '.1.3.6.1.4.1.318.1.1.12.3.3.1.1.4';
const community = 'private';

function outletOid(params: Record<string, string>): string {
  const n = need(params, 'node_outlet', 'outlet number');
  if (!/^\d{1,3}$/.test(n) || Number(n) < 1) throw new PowerError('bad-parameters', 'power parameter node_outlet must be an outlet number (1-16 on most PDUs)');
  return `${outletCommand}.${Number(n)}`;
}

async function snmp(ctx: DriverContext, tool: 'snmpget' | 'snmpset', extra: string[]): Promise<string> {
  const agent = joinHostPort(hostPort(ctx.params));
  const oid = outletOid(ctx.params);
  const dir = await ctx.config.scratchDir();
  // Timeout and retries are net-snmp's own (-t/-r): a silent agent is also what a wrong
  // community looks like in SNMP v1, so both read as "unreachable".
  const perTry = String(Math.max(1, Math.floor(ctx.timeoutMs / 3000)));
  return ctx.config.withFile('snmp.conf', `defVersion 1\ndefCommunity ${community}\npersistentDir ${dir}\n`, async (conf) => {
    const out = await ctx.run({
      command: tool, args: ['-On', '-Oqv', '-t', perTry, '-r', '1', agent, oid, ...extra], debianPackage: 'snmp',
      env: { SNMPCONFPATH: dirname(conf), SNMP_PERSISTENT_DIR: dir, MIBS: '' }, signal: ctx.signal, timeoutMs: ctx.timeoutMs,
    });
    const err = `${out.stderr}\n${out.stdout}`;
    if (out.code === 0 && !/No Such|noSuchName/i.test(err)) return out.stdout.trim();
    if (/Timeout|No Response/i.test(err)) throw new PowerError('unreachable', `no answer from the APC PDU at ${agent} (SNMP v1, community ${community})`, err);
    if (/noSuchName|No Such (Object|Instance)/i.test(err)) throw new PowerError('bad-parameters', `the APC PDU at ${agent} has no outlet ${ctx.params.node_outlet}`);
    if (/Unknown host|getaddrinfo/i.test(err)) throw new PowerError('unreachable', `cannot resolve the APC PDU address ${agent}`);
    throw new PowerError('failed', `${tool} failed`, err);
  });
}

const set = async (ctx: DriverContext, value: '1' | '2') => { await snmp(ctx, 'snmpset', ['i', value]); };

export const apcDriver: PowerDriver = {
  bmcKey: (params) => `apc:${addressKey(hostPort(params), 161)}`,
  async query(ctx) {
    const v = await snmp(ctx, 'snmpget', []);
    if (v === '1') return 'on';
    if (v === '2') return 'off';
    throw new PowerError('protocol', 'the APC PDU reported an outlet state that is neither 1 (on) nor 2 (off)', v);
  },
  on: (ctx) => set(ctx, '1'),
  off: (ctx) => set(ctx, '2'),
  // No native cycle: the service switches off, waits power_on_delay, switches on.
  cycleDelayMs: (params) => {
    const s = Number(optional(params, 'power_on_delay', '5'));
    return Number.isFinite(s) && s >= 0 ? Math.min(s, 600) * 1000 : 5000;
  },
};
