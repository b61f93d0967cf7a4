// A Cisco UCS Manager XML API endpoint (POST /nuova), with the methods and replies MAAS's
// ucsm driver relies on: aaaLogin → outCookie (errorCode 551 on bad credentials),
// configResolveClass computeItem with its filters applied (eq on uuid, dn, operPower) → computeBlade
// elements (uuid, operPower, assignedToDn), configResolveChildren lsPower of a service
// profile, configConfMo on lsPower (state admin-up / admin-down / cycle-immediate),
// aaaLogout. Attributes are read with a small parser; every reply is one element.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { SaxesParser } from 'saxes';

export interface UcsServer { uuid: string; dn: string; profile: string; on: boolean }

export interface UcsManager {
  url: string;
  servers: UcsServer[];
  methods: string[];
  liveCookies: Set<string>;
  close(): Promise<void>;
}

function parse(xml: string): { name: string; attrs: Record<string, string> }[] {
  const out: { name: string; attrs: Record<string, string> }[] = [];
  const p = new SaxesParser();
  p.on('opentag', (t) => out.push({ name: t.name, attrs: { ...(t.attributes as Record<string, string>) } }));
  p.write(xml).close();
  return out;
}

const q = (s: string) => s.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startUcsManager(creds: { user: string; password: string }, servers: UcsServer[]): Promise<UcsManager> {
  const cookies = new Set<string>();
  const methods: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (d: string) => (body += d));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/nuova') return void res.writeHead(404).end();
      const send = (xml: string) => res.writeHead(200, { 'content-type': 'text/xml' }).end(xml);
      let els;
      try { els = parse(body); } catch { return send('<error errorCode="103" errorDescr="malformed request"/>'); }
      const [m, ...rest] = els;
      methods.push(m.name);
      if (m.name === 'aaaLogin') {
        if (m.attrs.inName !== creds.user || m.attrs.inPassword !== creds.password)
          return send(`<aaaLogin cookie="" response="yes" errorCode="551" invocationResult="unidentified-fail" errorDescr="Authentication failed"/>`);
        const c = `${Date.now()}/${randomBytes(8).toString('hex')}`;
        cookies.add(c);
        return send(`<aaaLogin cookie="" response="yes" outCookie="${c}" outRefreshPeriod="600" outPriv="admin" outDomains="" outChannel="noencssl" outEvtChannel="noencssl"/>`);
      }
      const cookie = m.attrs.cookie ?? m.attrs.inCookie;
      if (!cookie || !cookies.has(cookie)) return send(`<${m.name} cookie="" response="yes" errorCode="552" invocationResult="unidentified-fail" errorDescr="Authorization required"/>`);
      if (m.name === 'aaaLogout') { cookies.delete(cookie); return send(`<aaaLogout cookie="" response="yes" outStatus="success"/>`); }
      if (m.name === 'configResolveClass') {
        // As UCS Manager: filters are applied (a missing filter returns every item); a filter
        // on another class, or an operator this peer does not know, is an error, not ignored.
        if (m.attrs.classId !== 'computeItem') return send(`<configResolveClass cookie="${q(cookie)}" response="yes" errorCode="103" errorDescr="unknown class ${q(m.attrs.classId ?? '')}"/>`);
        const at = rest.findIndex((e) => e.name === 'inFilter');
        const filters = at < 0 ? [] : rest.slice(at + 1);
        const bad = filters.find((f) => f.name !== 'eq' || f.attrs.class !== m.attrs.classId || !['uuid', 'dn', 'operPower'].includes(f.attrs.property ?? ''));
        if (bad) return send(`<configResolveClass cookie="${q(cookie)}" response="yes" errorCode="103" errorDescr="invalid filter ${q(bad.name)}"/>`);
        const field = (s: UcsServer, p: string) => (p === 'uuid' ? s.uuid : p === 'dn' ? s.dn : s.on ? 'on' : 'off');
        const found = servers.filter((s) => filters.every((f) => field(s, f.attrs.property!) === f.attrs.value));
        return send(`<configResolveClass cookie="${q(cookie)}" response="yes" classId="computeItem"><outConfigs>${found.map((s) =>
          `<computeBlade dn="${q(s.dn)}" uuid="${q(s.uuid)}" operPower="${s.on ? 'on' : 'off'}" assignedToDn="${q(s.profile)}" association="associated"/>`).join('')}</outConfigs></configResolveClass>`);
      }
      if (m.name === 'configResolveChildren') {
        const s = servers.find((x) => x.profile === m.attrs.inDn);
        return send(`<configResolveChildren cookie="${q(cookie)}" response="yes" classId="lsPower"><outConfigs>${s ? `<lsPower dn="${q(s.profile)}/power" state="${s.on ? 'up' : 'down'}"/>` : ''}</outConfigs></configResolveChildren>`);
      }
      if (m.name === 'configConfMo') {
        const p = rest.find((e) => e.name === 'lsPower');
        const s = servers.find((x) => `${x.profile}/power` === m.attrs.dn);
        if (!s || !p) return send(`<configConfMo dn="${q(m.attrs.dn ?? '')}" cookie="${q(cookie)}" response="yes" errorCode="102" errorDescr="no such object"/>`);
        if (p.attrs.state === 'admin-up' || p.attrs.state === 'cycle-immediate') s.on = true;
        else if (p.attrs.state === 'admin-down') s.on = false;
        else return send(`<configConfMo dn="${q(m.attrs.dn ?? '')}" cookie="${q(cookie)}" response="yes" errorCode="103" errorDescr="bad state"/>`);
        return send(`<configConfMo dn="${q(m.attrs.dn ?? '')}" cookie="${q(cookie)}" response="yes"><outConfig><lsPower dn="${q(m.attrs.dn ?? '')}" state="${p.attrs.state}" status="modified"/></outConfig></configConfMo>`);
      }
      send(`<${m.name} response="yes" errorCode="101" errorDescr="unknown method"/>`);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const a = server.address();
  return {
    url: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/`,
    servers,
    methods,
    liveCookies: cookies,
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
