// SeaMicro 15000 chassis, as MAAS 1.8 drove it. power_control picks the way:
//  - restapi: the chassis REST API v0.9 at http://ADDRESS/v0.9/ — GET login?USER&PASS
//    (positional, order-dependent parameters; the token is the answer's "result"), GET
//    servers?TOKEN (index → "N/0"), PUT servers/INDEX?action=Power-On&using-pxe=true&TOKEN
//    or action=Power-Off&force=true&TOKEN, then logout. Every answer is JSON with
//    error.code (200/202/304 fine; 401 while another session is logged in: tried again).
//  - ipmi (MAAS's default): ipmitool lanplus with SeaMicro's OEM command
//    `raw 0x2E 1 0x00 0x7d 0xab MODE 0 SYSTEM_ID` (MODE 1 on, 0 off as MAAS 1.8's template;
//    MAAS's later driver sent 6 for off); password via -E. The chassis's completion code
//    says what it refused: 0xC9 an unknown server, 0xC1 a BMC that is no SeaMicro.
//  - restapi2 (REST API v2.0, MAAS used python-seamicroclient): not supported here.
// Neither way can read the power state (MAAS 1.8 could not either), so changes are sent,
// not verified, and the state stays "unknown".
import type { DriverContext, PowerDriver } from '../driver';
import { PowerError, type PowerErrorKind } from '../types';
import { httpCall } from './http';
import { ipmitoolLines } from './ipmi';
import { addressKey, hostPort, joinHostPort, need, optional, secret } from './params';

const what = 'the SeaMicro chassis';

function systemId(params: Record<string, string>): string {
  const v = need(params, 'system_id', 'server number');
  if (!/^\d{1,3}$/.test(v)) throw new PowerError('bad-parameters', 'power parameter system_id must be the server number on the chassis (0-511)');
  return String(Number(v));
}

function control(params: Record<string, string>): 'ipmi' | 'restapi' {
  const c = optional(params, 'power_control', 'ipmi');
  if (c === 'ipmi' || c === 'restapi') return c;
  if (c === 'restapi2') throw new PowerError('unsupported', 'sm15k with power_control restapi2 (REST API v2.0) is not supported by this console: use restapi or ipmi');
  throw new PowerError('bad-parameters', 'power parameter power_control must be ipmi, restapi or restapi2');
}

/** `query`: the positional parameters, each already URL-encoded where it is a value. */
async function v09(ctx: DriverContext, path: string, query: string[], method: 'GET' | 'PUT' = 'GET'): Promise<unknown> {
  const base = new URL(`http://${joinHostPort(hostPort(ctx.params))}/v0.9/`);
  const url = new URL(`${path}?${query.join('&')}`, base);
  // The credentials travel in the query string (the API's own design); `url` never reaches a message.
  const reply = await httpCall(ctx, what, url, { method, basicAuth: false });
  let doc: { error?: { code?: number | string }; result?: unknown };
  try {
    doc = JSON.parse(reply.text) as typeof doc;
  } catch {
    throw new PowerError('protocol', `${what} did not answer JSON for ${path}`);
  }
  const code = Number(doc.error?.code);
  if (code === 401 && path === 'login') throw new PowerError('auth', `${what} refused the user name or password`);
  if (code === 401) throw new PowerError('failed', `${what} has another session logged in (JSON-RPC 401)`);
  if (![200, 202, 304].includes(code)) throw new PowerError('failed', `${what} answered ${path} with error code ${Number.isFinite(code) ? code : '(none)'}`);
  return doc.result;
}

async function viaRest(ctx: DriverContext, change: 'on' | 'off') {
  const id = `${systemId(ctx.params)}/0`;
  const enc = encodeURIComponent;
  const token = await v09(ctx, 'login', [enc(need(ctx.params, 'power_user', 'user')), enc(secret(ctx.params))]);
  if (typeof token !== 'string' || !token) throw new PowerError('protocol', `${what} accepted the login but gave no token`);
  try {
    const servers = (await v09(ctx, 'servers', [enc(token)])) as { serverId?: Record<string, string> } | undefined;
    const index = Object.entries(servers?.serverId ?? {}).find(([, name]) => name === id)?.[0];
    if (index === undefined) throw new PowerError('bad-parameters', `${what} has no server ${id}`);
    if (!/^\d+$/.test(index)) throw new PowerError('protocol', `${what} listed a server index that is not a number`, index);
    const action = change === 'on' ? ['action=Power-On', 'using-pxe=true'] : ['action=Power-Off', 'force=true'];
    await v09(ctx, `servers/${index}`, [...action, enc(token)], 'PUT');
  } finally {
    await v09(ctx, 'logout', []).catch(() => undefined);
  }
}

// The chassis's IPMI completion codes for the OEM command, as a BMC uses them.
const ipmiRefusals: Record<string, [PowerErrorKind, string]> = {
  c1: ['protocol', "does not know SeaMicro's OEM power command: is it a SeaMicro 15000?"],
  c7: ['protocol', 'refused the length of the OEM power command (completion code 0xC7)'],
  cc: ['protocol', 'refused a field of the OEM power command (completion code 0xCC, invalid data field)'],
  d4: ['privilege', 'accepted the login, but the account may not send the OEM power command (completion code 0xD4, insufficient privilege)'],
};

async function viaIpmi(ctx: DriverContext, change: 'on' | 'off') {
  const hp = hostPort(ctx.params);
  const server = systemId(ctx.params);
  // SYSTEM_ID travels as one byte of the raw command.
  if (Number(server) > 255) throw new PowerError('bad-parameters', 'power parameter system_id must be 0-255 with power_control ipmi (one byte of the OEM command)');
  const out = await ctx.run({
    command: 'ipmitool',
    // Cipher suite 3 and ipmitool's own timeouts as the ipmi driver (ipmi.ts) uses them.
    args: ['-I', 'lanplus', '-C', '3', '-H', hp.host, '-p', String(hp.port ?? 623), '-U', need(ctx.params, 'power_user', 'user'), '-E',
      '-N', String(Math.min(3, Math.max(1, Math.floor(ctx.timeoutMs / 5000)))), '-R', '1', '-v',
      'raw', '0x2E', '1', '0x00', '0x7d', '0xab', change === 'on' ? '1' : '0', '0', server],
    debianPackage: 'ipmitool', env: { IPMI_PASSWORD: secret(ctx.params) }, signal: ctx.signal, timeoutMs: ctx.timeoutMs,
  });
  if (out.code === 0) return;
  const said = ipmitoolLines(`${out.stdout}\n${out.stderr}`);
  const text = said.join('\n');
  if (/RAKP 2 HMAC is invalid|unauthorized name|password invalid|Activate Session command failed/i.test(text)) throw new PowerError('auth', `${what} refused the user name or password (ipmitool)`, said);
  const rsp = /rsp=0x([0-9a-f]{2})/i.exec(text)?.[1].toLowerCase() ?? (/Invalid command/i.test(text) ? 'c1' : undefined);
  if (rsp === 'c9') throw new PowerError('bad-parameters', `${what} has no server ${server} (completion code 0xC9, parameter out of range): check system_id`, said);
  if (rsp && ipmiRefusals[rsp]) throw new PowerError(ipmiRefusals[rsp][0], `${what} ${ipmiRefusals[rsp][1]}`, said);
  if (/Unable to establish|No response|Get Auth Capabilities|Address lookup/i.test(text)) throw new PowerError('unreachable', `no answer from ${what} (ipmitool)`, said);
  throw new PowerError('failed', `${what} refused the power command (ipmitool${rsp ? `, completion code 0x${rsp.toUpperCase()}` : ''})`, said);
}

const change = (to: 'on' | 'off') => async (ctx: DriverContext) => {
  if (control(ctx.params) === 'restapi') await viaRest(ctx, to);
  else await viaIpmi(ctx, to);
};

export const sm15kDriver: PowerDriver = {
  // The chassis takes one session at a time.
  bmcKey: (params) => { control(params); return `sm15k:${addressKey(hostPort(params), 80)}`; },
  on: change('on'),
  off: change('off'),
};
