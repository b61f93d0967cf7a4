// WS-Management for Intel AMT 9 and later (MAAS's amt driver switched to `wsman` above
// AMT 8). Spoken directly over undici with HTTP Digest (what AMT requires): Debian has no
// wsmancli, and bookworm's `wsl` hands the password to curl on its command line.
// Replies are parsed with saxes through xml-http.ts (no DTD, no entity expansion).
import { createHash, randomBytes } from 'node:crypto';
import type { DriverContext } from '../driver';
import { PowerError } from '../types';
import type { HostPort } from './params';
import type { XmlElement } from './xml-elements';
import { postXml, textOf, xmlEscape as esc } from './xml-http';

const cim = 'http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2';
const ns = {
  s: 'http://www.w3.org/2003/05/soap-envelope',
  wsa: 'http://schemas.xmlsoap.org/ws/2004/08/addressing',
  wsman: 'http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd',
  wsen: 'http://schemas.xmlsoap.org/ws/2004/09/enumeration',
  wsmid: 'http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd',
};

/** CIM PowerState values (DMTF DSP1027) used by AMT. */
export const cimPower = { on: 2, offSoft: 8, offHard: 6, masterBusReset: 10 } as const;

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

function envelope(url: string, action: string, resourceUri: string, body: string, selectors = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="${ns.s}" xmlns:wsa="${ns.wsa}" xmlns:wsman="${ns.wsman}">` +
    `<s:Header><wsa:Action s:mustUnderstand="true">${action}</wsa:Action><wsa:To s:mustUnderstand="true">${esc(url)}</wsa:To>` +
    `<wsman:ResourceURI s:mustUnderstand="true">${resourceUri}</wsman:ResourceURI><wsa:MessageID s:mustUnderstand="true">uuid:${randomBytes(16).toString('hex')}</wsa:MessageID>` +
    `<wsa:ReplyTo><wsa:Address>${ns.wsa}/role/anonymous</wsa:Address></wsa:ReplyTo>${selectors ? `<wsman:SelectorSet>${selectors}</wsman:SelectorSet>` : ''}</s:Header>` +
    `<s:Body>${body}</s:Body></s:Envelope>`;
}

export interface WsmanTarget {
  address: HostPort;
  user: string;
  password: string;
}

type Reply = { status: number; elements(): XmlElement[] };

/** One SOAP POST to /wsman, answering a Digest challenge (RFC 7616, MD5, qop=auth). */
async function post(ctx: DriverContext, t: WsmanTarget, body: string, authenticate = true): Promise<Reply> {
  const url = new URL(`http://${t.address.host.includes(':') ? `[${t.address.host}]` : t.address.host}:${t.address.port ?? 16992}/wsman`);
  const send = (authorization?: string) =>
    postXml(ctx, 'AMT', url, body, { maxBytes: 1 << 20, headers: { 'content-type': 'application/soap+xml;charset=UTF-8', ...(authorization ? { authorization } : {}) } });
  const first = await send();
  if (first.status !== 401 || !authenticate) return first;
  const challenge = String(first.headers['www-authenticate'] ?? '');
  const p = Object.fromEntries([...challenge.matchAll(/(\w+)="?([^",]*)"?/g)].map((m) => [m[1].toLowerCase(), m[2]]));
  if (!/^Digest/i.test(challenge) || !p.nonce) throw new PowerError('protocol', 'AMT did not offer HTTP Digest authentication');
  const cnonce = randomBytes(8).toString('hex');
  const nc = '00000001';
  const ha1 = md5(`${t.user}:${p.realm}:${t.password}`);
  const ha2 = md5('POST:/wsman');
  const response = md5(`${ha1}:${p.nonce}:${nc}:${cnonce}:auth:${ha2}`);
  const header = `Digest username="${t.user}", realm="${p.realm}", nonce="${p.nonce}", uri="/wsman", algorithm=MD5, qop=auth, nc=${nc}, cnonce="${cnonce}", response="${response}"${p.opaque ? `, opaque="${p.opaque}"` : ''}`;
  const second = await send(header);
  if (second.status === 401) throw new PowerError('auth', 'the AMT firmware refused the user name or password');
  if (second.status === 403) throw new PowerError('privilege', 'the AMT firmware accepted the user but refused the request (HTTP 403)');
  return second;
}

/** The reply's elements; a SOAP fault or HTTP error as a failure with the fault's text. */
function faultOrThrow(r: Reply, what: string): XmlElement[] {
  if (r.status === 200) return r.elements();
  let reason: string | undefined;
  try {
    reason = textOf(r.elements(), 'Text');
  } catch {
    reason = undefined; // an error page that is not XML says nothing more
  }
  throw new PowerError('failed', `AMT ${what} failed: HTTP ${r.status}`, reason);
}

/** WS-Identify (unauthenticated): the AMT major version, or undefined if no WS-Man here. */
export async function amtMajorVersion(ctx: DriverContext, t: WsmanTarget): Promise<number | undefined> {
  const body = `<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="${ns.s}" xmlns:wsmid="${ns.wsmid}"><s:Header/><s:Body><wsmid:Identify/></s:Body></s:Envelope>`;
  const r = await post(ctx, t, body, false);
  if (r.status !== 200) return undefined;
  const v = /^AMT\s+(\d+)/.exec(textOf(r.elements(), 'ProductVersion') ?? '');
  return v ? Number(v[1]) : undefined;
}

/** CIM_AssociatedPowerManagementService.PowerState, through Enumerate (optimized) and Pull. */
export async function wsmanPowerState(ctx: DriverContext, t: WsmanTarget): Promise<number> {
  const uri = `${cim}/CIM_AssociatedPowerManagementService`;
  const url = `http://${t.address.host}/wsman`;
  const en = envelope(url, `${ns.wsen}/Enumerate`, uri,
    `<wsen:Enumerate xmlns:wsen="${ns.wsen}"><wsman:OptimizeEnumeration/><wsman:MaxElements>8</wsman:MaxElements></wsen:Enumerate>`);
  let els = faultOrThrow(await post(ctx, t, en), 'power state enumeration');
  let state = textOf(els, 'PowerState');
  if (state === undefined) {
    const context = textOf(els, 'EnumerationContext');
    if (!context) throw new PowerError('protocol', 'AMT returned neither a power state nor an enumeration context');
    const pull = envelope(url, `${ns.wsen}/Pull`, uri, `<wsen:Pull xmlns:wsen="${ns.wsen}"><wsen:EnumerationContext>${esc(context)}</wsen:EnumerationContext><wsen:MaxElements>8</wsen:MaxElements></wsen:Pull>`);
    els = faultOrThrow(await post(ctx, t, pull), 'power state pull');
    state = textOf(els, 'PowerState');
  }
  if (state === undefined || !/^\d+$/.test(state)) throw new PowerError('protocol', 'AMT reported no numeric PowerState', state);
  return Number(state);
}

/** CIM_PowerManagementService.RequestPowerStateChange on the managed system. */
export async function wsmanRequestPower(ctx: DriverContext, t: WsmanTarget, powerState: number): Promise<void> {
  const uri = `${cim}/CIM_PowerManagementService`;
  const url = `http://${t.address.host}/wsman`;
  const body = `<p:RequestPowerStateChange_INPUT xmlns:p="${uri}"><p:PowerState>${powerState}</p:PowerState>` +
    `<p:ManagedElement><wsa:Address>${ns.wsa}/role/anonymous</wsa:Address><wsa:ReferenceParameters>` +
    `<wsman:ResourceURI>${cim}/CIM_ComputerSystem</wsman:ResourceURI><wsman:SelectorSet>` +
    '<wsman:Selector Name="CreationClassName">CIM_ComputerSystem</wsman:Selector><wsman:Selector Name="Name">ManagedSystem</wsman:Selector>' +
    '</wsman:SelectorSet></wsa:ReferenceParameters></p:ManagedElement></p:RequestPowerStateChange_INPUT>';
  const selectors = '<wsman:Selector Name="CreationClassName">CIM_PowerManagementService</wsman:Selector>' +
    '<wsman:Selector Name="SystemCreationClassName">CIM_ComputerSystem</wsman:Selector><wsman:Selector Name="SystemName">Intel(r) AMT</wsman:Selector>' +
    '<wsman:Selector Name="Name">Intel(r) AMT Power Management Service</wsman:Selector>';
  const els = faultOrThrow(await post(ctx, t, envelope(url, `${uri}/RequestPowerStateChange`, uri, body, selectors)), 'power change');
  const rv = textOf(els, 'ReturnValue');
  if (rv !== '0') throw new PowerError('failed', 'AMT refused the power change', `ReturnValue ${rv ?? 'missing'}`);
}
