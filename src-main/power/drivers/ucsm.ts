// Cisco UCS Manager XML API (MAAS's ucsm driver): POST XML methods to URL/nuova —
// aaaLogin (inName, inPassword → outCookie), configResolveClass computeItem filtered on
// the server's uuid (→ operPower on/off, assignedToDn = its service profile),
// configResolveChildren lsPower of that profile, configConfMo lsPower state=admin-up /
// admin-down / cycle-immediate, aaaLogout. A reply with errorCode is a failure (552/551:
// authentication). MAAS's "on" of a running server was cycle-immediate; ours is admin-up,
// sent only when the server is not on.
import type { DriverContext, PowerDriver } from '../driver';
import { PowerError } from '../types';
import { baseUrl } from './http';
import { need, secret } from './params';
import type { XmlElement } from './xml-elements';
import { postXml, xmlEscape as attr } from './xml-http';

const what = 'the UCS Manager';

async function call(ctx: DriverContext, body: string): Promise<XmlElement[]> {
  const url = new URL('nuova', baseUrl(ctx.params, 'https'));
  const reply = await postXml(ctx, what, url, body, { headers: { 'content-type': 'application/xml' } });
  if (reply.status !== 200) throw new PowerError('failed', `${what} answered HTTP ${reply.status}`);
  const elements = reply.elements();
  const root = elements[0];
  if (root?.attrs.errorCode) {
    const kind = ['551', '552', '572'].includes(root.attrs.errorCode) ? 'auth' : 'failed';
    throw new PowerError(kind, `${what} refused ${root.name} (error ${root.attrs.errorCode})`, root.attrs.errorDescr);
  }
  return elements;
}

/** Logs in, runs `fn` with the cookie, always logs out (UCSM has few cookies to give). */
async function session<T>(ctx: DriverContext, fn: (cookie: string) => Promise<T>): Promise<T> {
  const user = need(ctx.params, 'power_user', 'API user');
  const login = await call(ctx, `<aaaLogin inName="${attr(user)}" inPassword="${attr(secret(ctx.params))}"/>`);
  const cookie = login[0]?.attrs.outCookie;
  if (!cookie) throw new PowerError('protocol', `${what} accepted the login but gave no session cookie`);
  try {
    return await fn(cookie);
  } finally {
    await call(ctx, `<aaaLogout inCookie="${attr(cookie)}"/>`).catch(() => undefined);
  }
}

async function server(ctx: DriverContext, cookie: string): Promise<XmlElement> {
  const uuid = need(ctx.params, 'uuid', 'server UUID');
  const els = await call(ctx, `<configResolveClass cookie="${attr(cookie)}" classId="computeItem" inHierarchical="false"><inFilter><eq class="computeItem" property="uuid" value="${attr(uuid)}"/></inFilter></configResolveClass>`);
  const found = els.filter((e) => e.depth === 2 && e.attrs.uuid !== undefined);
  if (found.length !== 1) throw new PowerError('bad-parameters', `${what} has no server with UUID ${uuid}`);
  return found[0];
}

async function setPower(ctx: DriverContext, state: 'admin-up' | 'admin-down' | 'cycle-immediate') {
  await session(ctx, async (cookie) => {
    const profile = (await server(ctx, cookie)).attrs.assignedToDn;
    if (!profile) throw new PowerError('failed', 'the UCS server has no service profile: associate one in UCS Manager');
    const power = (await call(ctx, `<configResolveChildren cookie="${attr(cookie)}" inDn="${attr(profile)}" classId="lsPower" inHierarchical="false"/>`))
      .find((e) => e.name === 'lsPower')?.attrs.dn;
    if (!power) throw new PowerError('failed', `the service profile ${profile} has no power control`);
    await call(ctx, `<configConfMo cookie="${attr(cookie)}" dn="${attr(power)}" inHierarchical="false"><inConfig><lsPower dn="${attr(power)}" state="${state}"/></inConfig></configConfMo>`);
  });
}

export const ucsmDriver: PowerDriver = {
  bmcKey: (params) => `ucsm:${baseUrl(params, 'https').host.toLowerCase()}`,
  query: (ctx) =>
    session(ctx, async (cookie) => {
      const power = (await server(ctx, cookie)).attrs.operPower;
      if (power === 'on' || power === 'off') return power;
      throw new PowerError('protocol', `${what} reports the server's power as something other than on or off`, power ?? '(none)');
    }),
  on: (ctx) => setPower(ctx, 'admin-up'),
  off: (ctx) => setPower(ctx, 'admin-down'),
  cycle: (ctx) => setPower(ctx, 'cycle-immediate'),
};
