// Intel AMT's pre-v9 SOAP interface as amttool uses it: SecurityAdministration
// GetCoreVersion, NetworkAdministration GetHostName / GetDomainName, RemoteControl
// GetSystemPowerState (0 = S0 working, 5 = S5 soft-off), GetRemoteControlCapabilities and
// RemoteControl (Command 16 reset, 17 powerup, 18 powerdown, 19 powercycle). HTTP Digest,
// as the firmware requires (user admin).
import { startHttpPeer, type HttpPeer } from './http-peer';

export interface AmtFirmware extends HttpPeer {
  powerState: number; // 0 = S0 on, 5 = S5 off
  commands: number[];
}

const ns = 'http://schemas.intel.com/platform/client';

function envelope(service: string, method: string, params: [string, string | number][]): string {
  const body = params.map(([k, v]) => `<r:${k}>${v}</r:${k}>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body><r:${method}Response xmlns:r="${ns}/${service}/2004/01">${body}</r:${method}Response></SOAP-ENV:Body></SOAP-ENV:Envelope>`;
}

export async function startAmtFirmware(password: string): Promise<AmtFirmware> {
  const fw = { powerState: 5, commands: [] as number[] };
  const peer = await startHttpPeer({ user: 'admin', password }, (req, body, res) => {
    const method = /<(?:\w+:)?(\w+)\s+xmlns="http:\/\/schemas\.intel\.com/.exec(body)?.[1] ?? '';
    const send = (service: string, params: [string, string | number][]) =>
      res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' }).end(envelope(service, method, params));
    switch (`${req.url} ${method}`) {
      case '/SecurityAdministrationService GetCoreVersion': return send('SecurityAdministration', [['StatusCode', 0], ['Version', '3.2.1']]);
      case '/NetworkAdministrationService GetHostName': return send('NetworkAdministration', [['StatusCode', 0], ['HostName', 'amt-node']]);
      case '/NetworkAdministrationService GetDomainName': return send('NetworkAdministration', [['StatusCode', 0], ['DomainName', 'lab']]);
      case '/RemoteControlService GetSystemPowerState': return send('RemoteControl', [['StatusCode', 0], ['SystemPowerState', fw.powerState]]);
      case '/RemoteControlService GetRemoteControlCapabilities':
        return send('RemoteControl', [['StatusCode', 0], ['IanaOemNumber', 343], ['OemDefinedCapabilities', 0], ['SpecialCommandsSupported', 0x0100], ['SystemCapabilitiesSupported', 0x0f], ['SystemFirmwareCapabilities', 0]]);
      case '/RemoteControlService RemoteControl': {
        const command = Number(/<(?:\w+:)?Command[^>]*>(\d+)</.exec(body)?.[1]);
        fw.commands.push(command);
        if (command === 17 || command === 19 || command === 16) fw.powerState = 0;
        else if (command === 18) fw.powerState = 5;
        else return send('RemoteControl', [['StatusCode', 0x812]]);
        return send('RemoteControl', [['StatusCode', 0]]);
      }
      default:
        res.writeHead(500, { 'content-type': 'text/plain' }).end(`unknown ${req.url} ${method}`);
    }
  }, { auth: 'digest' });
  return Object.defineProperties(peer, {
    powerState: { get: () => fw.powerState, set: (v: number) => { fw.powerState = v; } },
    commands: { value: fw.commands },
  }) as AmtFirmware;
}
