// A Redfish BMC with the DMTF resources the driver uses: /redfish/v1/Systems (a collection),
// /redfish/v1/Systems/{id} with PowerState and the #ComputerSystem.Reset action target,
// and the action itself (ResetType On / ForceOff / ForceRestart / GracefulShutdown).
// Like real BMCs it may answer a system's name with 307 to its id (`aliases`), and pass
// through PoweringOn / PoweringOff for a few reads after a reset (`transitionReads`).
import { startHttpPeer, type HttpPeer } from './http-peer';

export interface RedfishBmc extends HttpPeer {
  systems: Record<string, { PowerState: string }>;
  resets: string[];
  /** name → id: GET /redfish/v1/Systems/{name} answers 307 to /redfish/v1/Systems/{id}. */
  aliases: Record<string, string>;
  /** path → absolute URL on another host: answered with 307 there. */
  foreignRedirects: Record<string, string>;
  /** Reads of a system that still show PoweringOn / PoweringOff after a reset. */
  transitionReads: number;
}

export async function startRedfishBmc(creds: { user: string; password: string }, ids = ['1']): Promise<RedfishBmc> {
  const systems: RedfishBmc['systems'] = Object.fromEntries(ids.map((id) => [id, { PowerState: 'Off' }]));
  const aliases: Record<string, string> = {};
  const foreignRedirects: Record<string, string> = {};
  const pending = new Map<string, { state: string; reads: number }>();
  let peerRef: { transitionReads: number } = { transitionReads: 0 };
  const settle = (id: string, to: 'On' | 'Off') => {
    if (peerRef.transitionReads > 0) {
      systems[id].PowerState = to === 'On' ? 'PoweringOn' : 'PoweringOff';
      pending.set(id, { state: to, reads: peerRef.transitionReads });
    } else systems[id].PowerState = to;
  };
  const resets: string[] = [];
  const json = (res: import('node:http').ServerResponse, code: number, doc: unknown) =>
    res.writeHead(code, { 'content-type': 'application/json' }).end(JSON.stringify(doc));
  const peer = await startHttpPeer(creds, (req, body, res) => {
    const path = (req.url ?? '/').replace(/\/$/, '');
    if (foreignRedirects[path]) return void res.writeHead(307, { location: foreignRedirects[path] }).end();
    const named = /^\/redfish\/v1\/Systems\/([^/]+)$/.exec(path);
    if (named && aliases[named[1]]) return void res.writeHead(307, { location: `/redfish/v1/Systems/${aliases[named[1]]}` }).end();
    if (req.method === 'GET' && path === '/redfish/v1/Systems')
      return json(res, 200, { '@odata.id': '/redfish/v1/Systems', 'Members@odata.count': ids.length, Members: ids.map((id) => ({ '@odata.id': `/redfish/v1/Systems/${id}` })) });
    const sys = /^\/redfish\/v1\/Systems\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && sys && systems[sys[1]]) {
      const p = pending.get(sys[1]);
      if (p && p.reads-- <= 0) { systems[sys[1]].PowerState = p.state; pending.delete(sys[1]); }
      return json(res, 200, {
        '@odata.id': `/redfish/v1/Systems/${sys[1]}`, Id: sys[1], PowerState: systems[sys[1]].PowerState,
        Actions: { '#ComputerSystem.Reset': { target: `/redfish/v1/Systems/${sys[1]}/Actions/ComputerSystem.Reset`, 'ResetType@Redfish.AllowableValues': ['On', 'ForceOff', 'ForceRestart', 'GracefulShutdown'] } },
      });
    }
    const act = /^\/redfish\/v1\/Systems\/([^/]+)\/Actions\/ComputerSystem\.Reset$/.exec(path);
    if (req.method === 'POST' && act && systems[act[1]]) {
      const type = (JSON.parse(body || '{}') as { ResetType?: string }).ResetType ?? '';
      resets.push(`${act[1]}:${type}`);
      if (type === 'On' || type === 'ForceRestart') settle(act[1], 'On');
      else if (type === 'ForceOff' || type === 'GracefulShutdown') settle(act[1], 'Off');
      else return json(res, 400, { error: { message: `bad ResetType ${type}` } });
      return void res.writeHead(204).end();
    }
    json(res, 404, { error: { message: 'not found' } });
  });
  const bmc = Object.assign(peer, { systems, resets, aliases, foreignRedirects, transitionReads: 0 });
  peerRef = bmc;
  return bmc;
}
