// VMware vSphere / ESXi through the vSphere Web Services SOAP API (vim25), as MAAS's
// vmware driver did with pyvmomi: RetrieveServiceContent, SessionManager.Login (session
// cookie), the VM by power_uuid (SearchIndex.FindByUuid) or else by power_vm_name (a
// ContainerView of VirtualMachine read with RetrievePropertiesEx), its
// runtime.powerState, PowerOnVM_Task / PowerOffVM_Task / ResetVM_Task, and Logout.
// The service verifies the outcome by reading the state, so tasks are not waited on.
import type { DriverContext, PowerDriver } from '../driver';
import { PowerError } from '../types';
import { hostPort, joinHostPort, need, optional, secret } from './params';
import type { XmlElement } from './xml-elements';
import { postXml, xmlEscape as esc } from './xml-http';

const what = 'the VMware host';
const moRef = (type: string, id: string) => `<_this type="${type}">${esc(id)}</_this>`;

interface Session {
  call(method: string, inner: string): Promise<XmlElement[]>;
  content: Record<string, string>;
}

function endpoint(params: Record<string, string>): URL {
  const protocol = optional(params, 'power_protocol', 'https').toLowerCase();
  if (protocol !== 'https' && protocol !== 'http') throw new PowerError('bad-parameters', 'power parameter power_protocol must be https or http');
  const hp = hostPort(params);
  const port = optional(params, 'power_port');
  if (port && (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535)) throw new PowerError('bad-parameters', 'power parameter power_port must be a port number');
  return new URL(`${protocol}://${joinHostPort({ host: hp.host, port: port ? Number(port) : hp.port })}/sdk`);
}

async function withSession<T>(ctx: DriverContext, fn: (s: Session) => Promise<T>): Promise<T> {
  const url = endpoint(ctx.params);
  let cookie = '';
  const call = async (method: string, inner: string): Promise<XmlElement[]> => {
    const body = `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soapenv:Body><${method} xmlns="urn:vim25">${inner}</${method}></soapenv:Body></soapenv:Envelope>`;
    const reply = await postXml(ctx, what, url, body, { headers: { soapaction: 'urn:vim25/6.0', ...(cookie ? { cookie } : {}) } });
    const status = reply.status;
    const set = reply.headers['set-cookie'];
    const c = (Array.isArray(set) ? set : set ? [set] : []).map((x) => /^(vmware_soap_session=[^;]+)/.exec(x)?.[1]).find(Boolean);
    if (c) cookie = c;
    const els = reply.elements();
    if (status !== 200 || els.some((e) => e.name === 'Fault')) {
      const fault = els.find((e) => e.name === 'faultstring')?.text.trim();
      if (els.some((e) => e.name === 'InvalidLoginFault' || e.attrs['xsi:type'] === 'InvalidLogin')) throw new PowerError('auth', `${what} refused the user name or password`);
      if (els.some((e) => e.name === 'NotAuthenticatedFault')) throw new PowerError('auth', `${what} did not accept the session`);
      if (els.some((e) => e.name === 'NoPermissionFault' || e.attrs['xsi:type'] === 'NoPermission')) throw new PowerError('privilege', `${what} accepted the user but does not let it ${method}`, fault);
      throw new PowerError('failed', `${what} refused ${method} (HTTP ${status})`, fault);
    }
    return els;
  };
  const sc = await call('RetrieveServiceContent', moRef('ServiceInstance', 'ServiceInstance'));
  const returnval = sc.find((e) => e.name === 'returnval');
  const content = Object.fromEntries(sc.filter((e) => returnval && e.depth === returnval.depth + 1).map((e) => [e.name, e.text.trim()]));
  await call('Login', `${moRef('SessionManager', content.sessionManager ?? 'SessionManager')}<userName>${esc(need(ctx.params, 'power_user', 'VMware user'))}</userName><password>${esc(secret(ctx.params))}</password>`);
  try {
    return await fn({ call, content });
  } finally {
    await call('Logout', moRef('SessionManager', content.sessionManager ?? 'SessionManager')).catch(() => undefined);
  }
}

/** The VM's managed-object id: by UUID when known, else by name (MAAS's order too). */
async function findVm(ctx: DriverContext, s: Session): Promise<string> {
  const uuid = optional(ctx.params, 'power_uuid');
  if (uuid) {
    const r = await s.call('FindByUuid', `${moRef('SearchIndex', s.content.searchIndex ?? 'SearchIndex')}<uuid>${esc(uuid)}</uuid><vmSearch>true</vmSearch>`);
    const vm = r.find((e) => e.name === 'returnval')?.text.trim();
    if (!vm) throw new PowerError('bad-parameters', `${what} has no VM with UUID ${uuid}`);
    return vm;
  }
  const name = optional(ctx.params, 'power_vm_name');
  if (!name) throw new PowerError('bad-parameters', 'power parameters power_uuid and power_vm_name are both missing: set one');
  const view = (await s.call('CreateContainerView',
    `${moRef('ViewManager', s.content.viewManager ?? 'ViewManager')}<container type="Folder">${esc(s.content.rootFolder ?? 'group-d1')}</container><type>VirtualMachine</type><recursive>true</recursive>`))
    .find((e) => e.name === 'returnval')?.text.trim() ?? '';
  const r = await s.call('RetrievePropertiesEx',
    `${moRef('PropertyCollector', s.content.propertyCollector ?? 'propertyCollector')}<specSet><propSet><type>VirtualMachine</type><pathSet>name</pathSet></propSet>` +
    `<objectSet><obj type="ContainerView">${esc(view)}</obj><skip>true</skip><selectSet xsi:type="TraversalSpec"><name>view</name><type>ContainerView</type><path>view</path><skip>false</skip></selectSet></objectSet></specSet><options/>`);
  await s.call('DestroyView', moRef('ContainerView', view)).catch(() => undefined);
  // objects: <obj> (the VM id) followed by its propSet name/val
  for (let i = 0; i < r.length; i++) {
    if (r[i].name !== 'obj') continue;
    const nextObj = r.findIndex((e, j) => j > i && e.name === 'obj');
    const block = r.slice(i, nextObj === -1 ? undefined : nextObj);
    if (block.find((e) => e.name === 'val')?.text.trim() === name) return r[i].text.trim();
  }
  throw new PowerError('bad-parameters', `${what} has no VM named ${name}`);
}

async function powerState(ctx: DriverContext, s: Session, vm: string): Promise<'on' | 'off'> {
  const r = await s.call('RetrievePropertiesEx',
    `${moRef('PropertyCollector', s.content.propertyCollector ?? 'propertyCollector')}<specSet><propSet><type>VirtualMachine</type><pathSet>runtime.powerState</pathSet></propSet>` +
    `<objectSet><obj type="VirtualMachine">${esc(vm)}</obj><skip>false</skip></objectSet></specSet><options/>`);
  const state = r.find((e) => e.name === 'val')?.text.trim();
  // suspended: not running; MAAS reported it as off too
  if (state === 'poweredOn') return 'on';
  if (state === 'poweredOff' || state === 'suspended') return 'off';
  throw new PowerError('protocol', `${what} reported a VM power state that is neither poweredOn nor poweredOff`, state ?? '(none)');
}

const task = (method: 'PowerOnVM_Task' | 'PowerOffVM_Task' | 'ResetVM_Task') => (ctx: DriverContext) =>
  withSession(ctx, async (s) => { await s.call(method, moRef('VirtualMachine', await findVm(ctx, s))); });

export const vmwareDriver: PowerDriver = {
  bmcKey: (params) => `vmware:${endpoint(params).host.toLowerCase()}#${optional(params, 'power_uuid') || optional(params, 'power_vm_name')}`,
  query: (ctx) => withSession(ctx, async (s) => powerState(ctx, s, await findVm(ctx, s))),
  on: task('PowerOnVM_Task'),
  off: task('PowerOffVM_Task'),
  cycle: task('ResetVM_Task'),
};
