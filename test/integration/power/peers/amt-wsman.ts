// Intel AMT 9+ as WS-Management speaks it, for the amt driver's WS-Man path: POST /wsman,
// WS-Identify without credentials (ProductVersion "AMT 11.8.50"), everything else behind
// HTTP Digest (MD5, qop=auth; nonce checked), Enumerate + Pull of
// CIM_AssociatedPowerManagementService (PowerState), and Invoke of
// CIM_PowerManagementService.RequestPowerStateChange (ReturnValue 0, or 1 for a state
// AMT does not accept).
import { createServer, type Server } from 'node:http';
import { digestGuard } from './digest-auth';

export interface AmtWsman {
  address: string;
  powerState: number;
  requests: string[];
  close(): Promise<void>;
}

const wrap = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><a:Envelope xmlns:a="http://www.w3.org/2003/05/soap-envelope" xmlns:g="http://schemas.xmlsoap.org/ws/2004/09/enumeration"><a:Header/><a:Body>${body}</a:Body></a:Envelope>`;

export async function startAmtWsman(password: string): Promise<AmtWsman> {
  const digest = digestGuard('admin', password);
  const state = { powerState: 8, requests: [] as string[] };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (d: string) => (body += d));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/wsman') return void res.writeHead(404).end();
      if (/<(?:\w+:)?Identify\s*\/>/.test(body)) {
        state.requests.push('Identify');
        return void res.writeHead(200, { 'content-type': 'application/soap+xml' }).end(wrap(
          '<b:IdentifyResponse xmlns:b="http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd"><b:ProtocolVersion>http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd</b:ProtocolVersion><b:ProductVendor>Intel Corporation</b:ProductVendor><b:ProductVersion>AMT 11.8.50</b:ProductVersion></b:IdentifyResponse>'));
      }
      if (!digest(req, res)) return;
      const action = /<(?:\w+:)?Action[^>]*>([^<]+)</.exec(body)?.[1] ?? '';
      state.requests.push(action.split('/').pop() ?? action);
      const ok = (b: string) => res.writeHead(200, { 'content-type': 'application/soap+xml' }).end(wrap(b));
      if (action.endsWith('/Enumerate')) return ok('<g:EnumerateResponse><g:EnumerationContext>07000000-0000-0000-0000-000000000000</g:EnumerationContext></g:EnumerateResponse>');
      if (action.endsWith('/Pull'))
        return ok(`<g:PullResponse><g:Items><h:CIM_AssociatedPowerManagementService xmlns:h="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_AssociatedPowerManagementService"><h:AvailableRequestedPowerStates>2</h:AvailableRequestedPowerStates><h:PowerState>${state.powerState}</h:PowerState></h:CIM_AssociatedPowerManagementService></g:Items><g:EndOfSequence/></g:PullResponse>`);
      if (action.endsWith('/RequestPowerStateChange')) {
        const want = Number(/<(?:\w+:)?PowerState>(\d+)</.exec(body)?.[1]);
        const accepted = [2, 5, 8, 10].includes(want);
        if (accepted) state.powerState = want === 8 ? 8 : 2;
        return ok(`<g:RequestPowerStateChange_OUTPUT xmlns:g="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_PowerManagementService"><g:ReturnValue>${accepted ? 0 : 1}</g:ReturnValue></g:RequestPowerStateChange_OUTPUT>`);
      }
      res.writeHead(400, { 'content-type': 'application/soap+xml' }).end(wrap('<a:Fault><a:Reason><a:Text>unsupported action</a:Text></a:Reason></a:Fault>'));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const a = server.address();
  return Object.defineProperties(
    { address: `127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`, close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }) },
    { powerState: { get: () => state.powerState, set: (v: number) => { state.powerState = v; }, enumerable: true }, requests: { value: state.requests } },
  ) as AmtWsman;
}
