// IPMI over LAN (1.5) and LAN_2_0 (RMCP+), through Debian's ipmitool or freeipmi's ipmipower.
// MAAS 1.8 ran `ipmipower -u USER -p PASS …` (the password in argv, visible in `ps`) and
// powered on with `--cycle --on-if-off` (LP#1730089). Here the password reaches ipmitool
// through IPMI_PASSWORD (`-E`) and ipmipower through a 0600 config file, and "on" is a
// plain on; the service only sends it after reading the node as not on.
import type { DriverContext, PowerDriver } from '../driver';
import { outputLines, PowerError } from '../types';
import { addressOrMacKey, withArpAddress } from './arp';
import { hostPort, joinHostPort, optional, secret, type HostPort } from './params';

type Verb = 'status' | 'on' | 'off' | 'cycle' | 'soft';

export interface IpmiSession {
  address: HostPort;
  user: string;
  password: string;
  driver: 'LAN' | 'LAN_2_0';
  /** ipmitool bridging options (moonshot's power_hwaddress), already validated. */
  bridge?: string[];
}

const ipmiPort = 623;
// RMCP+ cipher suite 3 (RAKP-HMAC-SHA1, AES-CBC-128): what MAAS later defaulted to and what
// every IPMI 2.0 BMC supports; ipmitool 1.8.19's own default (17) is refused by many.
const cipherSuite = '3';

export function ipmiSession(params: Record<string, string>): IpmiSession {
  const driver = optional(params, 'power_driver', 'LAN_2_0');
  if (driver !== 'LAN' && driver !== 'LAN_2_0') throw new PowerError('bad-parameters', 'power parameter power_driver must be LAN or LAN_2_0');
  return { address: hostPort(params), user: optional(params, 'power_user'), password: secret(params), driver };
}

export const ipmiKey = (params: Record<string, string>) => addressOrMacKey('ipmi', params, ipmiPort);

/** Runs one chassis power verb with the configured tool; answers the state for `status`. */
export async function ipmiPower(ctx: DriverContext, s: IpmiSession, verb: Verb): Promise<'on' | 'off' | undefined> {
  const tool = ctx.config.ipmiTool;
  if (tool === 'ipmitool' || s.bridge) return viaIpmitool(ctx, s, verb); // bridging: ipmitool only
  if (tool === 'ipmipower') return viaIpmipower(ctx, s, verb);
  try {
    return await viaIpmitool(ctx, s, verb);
  } catch (e) {
    if (!(e instanceof PowerError && e.kind === 'tool-missing')) throw e;
    return viaIpmipower(ctx, s, verb).catch((e2: unknown) => {
      throw e2 instanceof PowerError && e2.kind === 'tool-missing'
        ? new PowerError('tool-missing', 'neither ipmitool nor ipmipower is installed: install the Debian package ipmitool (or freeipmi-tools)')
        : e2;
    });
  }
}

// Power-only accounts are common: chassis control needs OPERATOR, but ipmitool asks for
// ADMINISTRATOR unless told. A BMC that refused the higher level is asked again at OPERATOR,
// and remembered (per address and user) for the life of the service.
const operatorOnly = new Set<string>();

async function viaIpmitool(ctx: DriverContext, s: IpmiSession, verb: Verb): Promise<'on' | 'off' | undefined> {
  const account = `${s.address.host}:${s.address.port ?? ipmiPort}:${s.user}`;
  try {
    return await ipmitool(ctx, s, verb, operatorOnly.has(account));
  } catch (e) {
    if (!(e instanceof PowerError && e.kind === 'privilege') || operatorOnly.has(account)) throw e;
    const r = await ipmitool(ctx, s, verb, true);
    if (operatorOnly.size > 4096) operatorOnly.clear();
    operatorOnly.add(account);
    return r;
  }
}

async function ipmitool(ctx: DriverContext, s: IpmiSession, verb: Verb, operator: boolean) {
  // -N/-R: ipmitool's own per-try timeout and retries, kept inside the service's limit.
  const perTry = String(Math.min(3, Math.max(1, Math.floor(ctx.timeoutMs / 5000))));
  const args = [
    '-I', s.driver === 'LAN' ? 'lan' : 'lanplus',
    ...(s.driver === 'LAN_2_0' ? ['-C', cipherSuite] : []),
    '-H', s.address.host,
    '-p', String(s.address.port ?? ipmiPort),
    ...(s.user ? ['-U', s.user] : []),
    '-E', // password from IPMI_PASSWORD, never argv
    ...(operator ? ['-L', 'OPERATOR'] : []),
    '-N', perTry, '-R', '1',
    '-v', // names the failing step: RAKP/Activate Session (credentials) vs Get Auth Capabilities (no BMC)
    ...(s.bridge ?? []),
    'chassis', 'power', verb,
  ];
  const out = await ctx.run({
    command: 'ipmitool', args, debianPackage: 'ipmitool',
    env: { IPMI_PASSWORD: s.password }, signal: ctx.signal, timeoutMs: ctx.timeoutMs,
  });
  const text = `${out.stdout}\n${out.stderr}`;
  if (out.code !== 0) throw classify(text, 'ipmitool');
  if (verb !== 'status') return undefined;
  const m = /Chassis Power is (on|off)/i.exec(out.stdout);
  if (!m) throw new PowerError('protocol', 'ipmitool gave no power state', ipmitoolLines(text));
  return m[1].toLowerCase() as 'on' | 'off';
}

async function viaIpmipower(ctx: DriverContext, s: IpmiSession, verb: Verb) {
  // freeipmi reads credentials from its config file format: "key value" lines.
  const conf = `${s.user ? `username ${s.user}\n` : ''}password ${s.password}\n`;
  if (/[\r\n]/.test(s.password) || /[\r\n]/.test(s.user)) throw new PowerError('bad-parameters', 'power_user / power_pass contain a line break');
  return ctx.config.withFile('freeipmi.conf', conf, async (path) => {
      const args = [
        '--config-file', path,
        '-h', joinHostPort(s.address.port ? s.address : { host: s.address.host, port: ipmiPort }),
        '-D', s.driver,
        // As MAAS's ipmi template: cipher suite, and "opensesspriv" — many BMCs (ipmi_sim
        // among them) refuse freeipmi's privilege negotiation without it.
        ...(s.driver === 'LAN_2_0' ? ['-I', cipherSuite, '-W', 'opensesspriv'] : []),
        '--session-timeout', String(Math.max(1000, ctx.timeoutMs - 500)),
        verb === 'status' ? '--stat' : `--${verb}`,
      ];
      const out = await ctx.run({ command: 'ipmipower', args, debianPackage: 'freeipmi-tools', signal: ctx.signal, timeoutMs: ctx.timeoutMs });
      // ipmipower prints "HOST: on|off|ok" or "HOST: <error>" on stdout.
      const answer = out.stdout.trim().split('\n').at(-1)?.replace(/^[^ ]*: /, '').trim() ?? '';
      if (verb === 'status' && (answer === 'on' || answer === 'off')) return answer;
      if (verb !== 'status' && answer === 'ok') return undefined;
      throw classify(`${out.stdout}\n${out.stderr}`, 'ipmipower');
  });
}

// Checked in this order: a privilege refusal often also says the session failed.
const privilegeFailures = /privilege level cannot be obtained|privilege level exceeds|insufficient privilege|unauthorized role|Set Session Privilege Level.*failed|Insufficient privilege level/i;
const authFailures = /RAKP 2 HMAC is invalid|unauthorized name|Activate Session command failed|password invalid|username invalid|password verification timeout|authentication type unavailable|invalid user ?name|k_g invalid/i;
const noAnswer = /Get Auth Capabilities|Get Channel Authentication|Get Session Challenge|connection timeout|session timeout|No response|hostname invalid|Address lookup|Name or service not known|unreachable/i;

// ipmitool -v chatter that says nothing about the failure.
const chatter = /^(Loading IANA PEN Registry|Running Get VSO Capabilities|Invalid completion code received: Invalid command|Discovered IPMB address|Get HPM\.x Capabilities request failed)/;
/** ipmitool's output lines without its -v chatter. */
export const ipmitoolLines = (text: string) => outputLines(text).filter((l) => !chatter.test(l));

function classify(text: string, tool: string): PowerError {
  const said = ipmitoolLines(text);
  if (privilegeFailures.test(text)) return new PowerError('privilege', `the BMC accepted the user but refused the privilege level chassis power control needs (${tool})`, said);
  if (authFailures.test(text)) return new PowerError('auth', `the BMC refused the user name or password (${tool})`, said);
  if (noAnswer.test(text)) return new PowerError('unreachable', `no answer from the BMC (${tool})`, said);
  return new PowerError('failed', `${tool} failed`, said);
}

export const ipmiDriver: PowerDriver = {
  bmcKey: ipmiKey,
  query: async (ctx) => (await ipmiPower(ctx, ipmiSession(await withArpAddress(ctx)), 'status'))!,
  on: async (ctx) => { await ipmiPower(ctx, ipmiSession(await withArpAddress(ctx)), 'on'); },
  off: async (ctx) => { await ipmiPower(ctx, ipmiSession(await withArpAddress(ctx)), 'off'); },
  cycle: async (ctx) => { await ipmiPower(ctx, ipmiSession(await withArpAddress(ctx)), 'cycle'); },
  // Chassis Control "soft shutdown" (ACPI power button): the OS shuts down, then the node is off.
  softOff: async (ctx) => { await ipmiPower(ctx, ipmiSession(await withArpAddress(ctx)), 'soft'); },
};
