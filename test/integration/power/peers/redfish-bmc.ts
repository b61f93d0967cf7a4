// A Redfish BMC with the DMTF resources the driver uses: /redfish/v1/Systems (a collection),
// /redfish/v1/Systems/{id} with PowerState and the #ComputerSystem.Reset action target,
// and the action itself (ResetType On / ForceOff / ForceRestart / GracefulShutdown).
import { startHttpPeer, type HttpPeer } from './http-peer';

export interface RedfishBmc extends HttpPeer {
  systems: Record<string, { PowerState: 'On' | 'Off' | 'PoweringOn' }>;
  resets: string[];
}

export async function startRedfishBmc(creds: { user: string; password: string }, ids = ['1']): Promise<RedfishBmc> {
  const systems: RedfishBmc['systems'] = Object.fromEntries(ids.map((id) => [id, { PowerState: 'Off' as const }]));
  const resets: string[] = [];
  const json = (res: import('node:http').ServerResponse, code: number, doc: unknown) =>
    res.writeHead(code, { 'content-type': 'application/json' }).end(JSON.stringify(doc));
  const peer = await startHttpPeer(creds, (req, body, res) => {
    const path = (req.url ?? '/').replace(/\/$/, '');
    if (req.method === 'GET' && path === '/redfish/v1/Systems')
      return json(res, 200, { '@odata.id': '/redfish/v1/Systems', 'Members@odata.count': ids.length, Members: ids.map((id) => ({ '@odata.id': `/redfish/v1/Systems/${id}` })) });
    const sys = /^\/redfish\/v1\/Systems\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && sys && systems[sys[1]])
      return json(res, 200, {
        '@odata.id': `/redfish/v1/Systems/${sys[1]}`, Id: sys[1], PowerState: systems[sys[1]].PowerState,
        Actions: { '#ComputerSystem.Reset': { target: `/redfish/v1/Systems/${sys[1]}/Actions/ComputerSystem.Reset`, 'ResetType@Redfish.AllowableValues': ['On', 'ForceOff', 'ForceRestart', 'GracefulShutdown'] } },
      });
    const act = /^\/redfish\/v1\/Systems\/([^/]+)\/Actions\/ComputerSystem\.Reset$/.exec(path);
    if (req.method === 'POST' && act && systems[act[1]]) {
      const type = (JSON.parse(body || '{}') as { ResetType?: string }).ResetType ?? '';
      const s = systems[act[1]];
      resets.push(`${act[1]}:${type}`);
      if (type === 'On') s.PowerState = 'On';
      else if (type === 'ForceOff' || type === 'GracefulShutdown') s.PowerState = 'Off';
      else if (type === 'ForceRestart') s.PowerState = 'On';
      else return json(res, 400, { error: { message: `bad ResetType ${type}` } });
      return void res.writeHead(204).end();
    }
    json(res, 404, { error: { message: 'not found' } });
  });
  return Object.assign(peer, { systems, resets });
}
