// An Open CloudServer Chassis Manager (REST API v2, as MSOpenTech/ChassisManager documents
// it): GetBladeState / SetBladeOn / SetBladeOff / SetBladeActivePowerCycle?bladeId=N, XML
// replies in the Microsoft.GFS.WCS.Contracts namespace with a completionCode; Basic auth.
import { startHttpPeer, type HttpPeer } from './http-peer';

export interface OcsChassis extends HttpPeer {
  blades: boolean[]; // index 0 = blade 1
}

const wcs = 'http://schemas.datacontract.org/2004/07/Microsoft.GFS.WCS.Contracts';

export async function startOcsChassis(creds: { user: string; password: string }, count = 24): Promise<OcsChassis> {
  const blades = Array.from({ length: count }, () => false);
  const reply = (root: string, code: string, extra = '') =>
    `<${root} xmlns="${wcs}" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><completionCode>${code}</completionCode><apiVersion>1</apiVersion><statusDescription/>${extra}</${root}>`;
  const peer = await startHttpPeer(creds, (req, _body, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    // WCF UriTemplate query names are case-insensitive
    const id = Number([...url.searchParams].find(([k]) => k.toLowerCase() === 'bladeid')?.[1]);
    const send = (xml: string) => res.writeHead(200, { 'content-type': 'application/xml; charset=utf-8' }).end(xml);
    const ok = id >= 1 && id <= count;
    const n = `<bladeNumber>${id}</bladeNumber>`;
    switch (url.pathname) {
      case '/GetBladeState': return send(ok ? reply('BladeStateResponse', 'Success', `${n}<bladeState>${blades[id - 1] ? 'ON' : 'OFF'}</bladeState>`) : reply('BladeStateResponse', 'ParameterOutOfRange'));
      case '/SetBladeOn': if (ok) blades[id - 1] = true; return send(reply('BladeResponse', ok ? 'Success' : 'ParameterOutOfRange', n));
      case '/SetBladeOff': if (ok) blades[id - 1] = false; return send(reply('BladeResponse', ok ? 'Success' : 'ParameterOutOfRange', n));
      case '/SetBladeActivePowerCycle': if (ok) blades[id - 1] = true; return send(reply('BladeResponse', ok ? 'Success' : 'ParameterOutOfRange', n));
      default: res.writeHead(404).end();
    }
  });
  return Object.assign(peer, { blades });
}
