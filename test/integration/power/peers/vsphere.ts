// A vSphere Web Services (vim25 SOAP) endpoint at /sdk with what a power driver uses:
// RetrieveServiceContent, SessionManager Login/Logout (vmware_soap_session cookie;
// InvalidLogin fault, NotAuthenticated without a session), SearchIndex FindByUuid,
// ViewManager CreateContainerView + PropertyCollector RetrievePropertiesEx (VM names, or one
// VM's runtime.powerState), DestroyView, and PowerOnVM_Task / PowerOffVM_Task / ResetVM_Task.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { SaxesParser } from 'saxes';

export interface VsphereVm { id: string; name: string; uuid: string; on: boolean }

export interface Vsphere {
  address: string;
  vms: VsphereVm[];
  calls: string[];
  sessions: Set<string>;
  close(): Promise<void>;
}

function parse(xml: string) {
  const els: { name: string; attrs: Record<string, string>; text: string }[] = [];
  const open: typeof els = [];
  const p = new SaxesParser();
  p.on('opentag', (t) => { const e = { name: t.name.replace(/^.*:/, ''), attrs: { ...(t.attributes as Record<string, string>) }, text: '' }; els.push(e); open.push(e); });
  p.on('closetag', () => { open.pop(); });
  p.on('text', (s) => { const e = open.at(-1); if (e) e.text += s; });
  p.write(xml).close();
  return els;
}

const env = (inner: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soapenv:Body>${inner}</soapenv:Body></soapenv:Envelope>`;
const fault = (kind: string, text: string) =>
  env(`<soapenv:Fault><faultcode>ServerFaultCode</faultcode><faultstring>${text}</faultstring><detail><${kind}Fault xmlns="urn:vim25" xsi:type="${kind}"/></detail></soapenv:Fault>`);

export async function startVsphere(creds: { user: string; password: string }, vms: VsphereVm[]): Promise<Vsphere> {
  const sessions = new Set<string>();
  const calls: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (d: string) => (body += d));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/sdk') return void res.writeHead(404).end();
      const els = parse(body);
      const bodyAt = els.findIndex((e) => e.name === 'Body');
      const m = els[bodyAt + 1];
      const arg = (name: string) => els.slice(bodyAt + 2).find((e) => e.name === name)?.text ?? '';
      calls.push(m.name);
      const send = (code: number, xml: string, headers: Record<string, string> = {}) => res.writeHead(code, { 'content-type': 'text/xml; charset=utf-8', ...headers }).end(xml);
      const ok = (inner: string) => send(200, env(`<${m.name}Response xmlns="urn:vim25">${inner}</${m.name}Response>`));
      const session = /vmware_soap_session="?([^";]+)/.exec(String(req.headers.cookie ?? ''))?.[1];
      if (m.name === 'RetrieveServiceContent')
        return ok('<returnval><rootFolder type="Folder">group-d1</rootFolder><propertyCollector type="PropertyCollector">propertyCollector</propertyCollector><viewManager type="ViewManager">ViewManager</viewManager><about><name>VMware vCenter Server</name><apiVersion>6.7.3</apiVersion></about><sessionManager type="SessionManager">SessionManager</sessionManager><searchIndex type="SearchIndex">SearchIndex</searchIndex></returnval>');
      if (m.name === 'Login') {
        if (arg('userName') !== creds.user || arg('password') !== creds.password) return send(500, fault('InvalidLogin', 'Cannot complete login due to an incorrect user name or password.'));
        const key = randomBytes(12).toString('hex');
        sessions.add(key);
        return send(200, env(`<LoginResponse xmlns="urn:vim25"><returnval><key>${key}</key><userName>${creds.user}</userName></returnval></LoginResponse>`), { 'set-cookie': `vmware_soap_session="${key}"; Path=/; HttpOnly; Secure;` });
      }
      if (!session || !sessions.has(session)) return send(500, fault('NotAuthenticated', 'The session is not authenticated.'));
      const vmOf = (id: string) => vms.find((v) => v.id === id);
      switch (m.name) {
        case 'Logout': sessions.delete(session); return ok('');
        case 'FindByUuid': { const v = vms.find((x) => x.uuid === arg('uuid')); return ok(v ? `<returnval type="VirtualMachine">${v.id}</returnval>` : ''); }
        case 'CreateContainerView': return ok('<returnval type="ContainerView">session[52a1]vmview</returnval>');
        case 'DestroyView': return ok('');
        case 'RetrievePropertiesEx': {
          const obj = els.find((e) => e.name === 'obj');
          const paths = els.filter((e) => e.name === 'pathSet').map((e) => e.text);
          // As vSphere: a ContainerView's VMs are reached only through a TraversalSpec over
          // its "view" property; with skip=true the view itself is left out.
          const traversal = els.find((e) => e.name === 'selectSet' && e.attrs['xsi:type'] === 'TraversalSpec');
          const through = traversal && els.some((e) => e.name === 'type' && e.text === 'ContainerView') && els.some((e) => e.name === 'path' && e.text === 'view');
          if (obj?.attrs.type === 'ContainerView' && !through) return send(500, fault('InvalidProperty', 'ContainerView has no property "name" or "runtime.powerState"'));
          const targets = obj?.attrs.type === 'ContainerView' ? vms : vms.filter((v) => v.id === obj?.text);
          const objects = targets.map((v) => `<objects><obj type="VirtualMachine">${v.id}</obj>${paths.map((p) =>
            p === 'name' ? `<propSet><name>name</name><val xsi:type="xsd:string">${v.name}</val></propSet>`
              : `<propSet><name>runtime.powerState</name><val xsi:type="VirtualMachinePowerState">${v.on ? 'poweredOn' : 'poweredOff'}</val></propSet>`).join('')}</objects>`).join('');
          return ok(`<returnval>${objects}</returnval>`);
        }
        case 'PowerOnVM_Task': case 'PowerOffVM_Task': case 'ResetVM_Task': {
          const v = vmOf(arg('_this'));
          if (!v) return send(500, fault('ManagedObjectNotFound', 'The object has already been deleted or has not been completely created'));
          // vSphere refuses a power change that does not apply to the VM's state.
          if ((m.name === 'PowerOnVM_Task' && v.on) || (m.name !== 'PowerOnVM_Task' && !v.on)) return send(500, fault('InvalidPowerState', `The attempted operation cannot be performed in the current state (${v.on ? 'Powered on' : 'Powered off'}).`));
          if (m.name === 'PowerOffVM_Task') v.on = false; else v.on = true;
          return ok(`<returnval type="Task">task-${calls.length}</returnval>`);
        }
        default: return send(500, fault('MethodNotFound', `${m.name} is not implemented here`));
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const a = server.address();
  return {
    address: `127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`,
    vms, calls, sessions,
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
