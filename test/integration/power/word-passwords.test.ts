// Every driver refusing a password that is an ordinary word of its own messages ("password",
// "BMC", "HTTP", "user", "p", "1"), against its peer: the message is the driver's summary,
// intact (nothing masked, no "***"), plus the tool's or device's lines — each either free of
// the password or withheld whole. No argument of any spawned tool is the password.
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { createPowerService, PowerError, type PowerTarget } from '../../../src-main/power';
import { withheldLine } from '../../../src-main/power/types';
import { startIpmiSim, type IpmiSim } from './peers/ipmi-sim';
import { startSentryCdu } from './peers/sentry-cdu';
import { startAmtFirmware } from './peers/amt-soap';
import { startAmtWsman } from './peers/amt-wsman';
import { startDliSwitch } from './peers/dli-switch';
import { startRedfishBmc } from './peers/redfish-bmc';
import { startOcsChassis } from './peers/ocs-chassis';
import { startUcsManager } from './peers/ucs-manager';
import { startVsphere } from './peers/vsphere';
import { startLibvirtd, type Libvirtd } from './peers/libvirtd';
import { startSshd, type Sshd } from './peers/sshd';
import { startMscmCli, type MscmCli } from './peers/mscm-cli';
import { startSeaMicro } from './peers/seamicro';

const words = ['password', 'BMC', 'HTTP', 'user', 'p', '1'];
const right = 'the-Right-pw-77'; // the peers' real password: none of the words

let sim: IpmiSim;
let libvirtd: Libvirtd;
let sshd: Sshd;
let mscm: MscmCli;
beforeAll(async () => {
  sim = await startIpmiSim({ password: right });
  libvirtd = await startLibvirtd();
  sshd = await startSshd({ password: right, libvirtSocket: libvirtd.socket });
  mscm = await startMscmCli(right, ['c1n1']);
});
afterAll(async () => {
  await sim?.stop();
  await sshd?.stop();
  await mscm?.stop();
  await libvirtd?.stop();
});

type Case = { name: string; summary: RegExp; target: (password: string) => Promise<PowerTarget> | PowerTarget; ipmiTool?: 'ipmitool' | 'ipmipower'; /** types that cannot read the state are asked to power on */ on?: true };

const at = (powerType: string, params: Record<string, string>): PowerTarget => ({ systemId: `n-${powerType}`, hostname: `n-${powerType}`, powerType, params });

async function peer<T extends { close(): Promise<void> }>(p: Promise<T>): Promise<T> {
  const x = await p;
  onTestFinished(() => x.close());
  return x;
}

const creds = { user: 'admin', password: right };
const cases: Case[] = [
  { name: 'ipmi (ipmitool, LAN_2_0)', ipmiTool: 'ipmitool', summary: /^the BMC refused the user name or password \(ipmitool\)/, target: (pw) => at('ipmi', { power_driver: 'LAN_2_0', power_address: sim.address, power_user: 'admin', power_pass: pw }) },
  { name: 'ipmi (ipmipower, LAN_2_0)', ipmiTool: 'ipmipower', summary: /^the BMC refused the user name or password \(ipmipower\)/, target: (pw) => at('ipmi', { power_driver: 'LAN_2_0', power_address: sim.address, power_user: 'admin', power_pass: pw }) },
  { name: 'moonshot', summary: /^the BMC refused the user name or password \(ipmitool\)/, target: (pw) => at('moonshot', { power_address: sim.address, power_user: 'admin', power_pass: pw, power_hwaddress: '-B 0 -T 0x20 -b 0 -t 0x72 -m 0x20' }) },
  { name: 'virsh (test+ssh)', summary: /^the hypervisor at test\+ssh:\S+ refused the credentials/, target: (pw) => at('virsh', { power_address: `test+ssh://${sshd.user}@127.0.0.1:${sshd.port}/default`, power_id: 'test', power_pass: pw }) },
  { name: 'mscm', summary: /^the MSCM at 127\.0\.0\.1:\d+ refused the credentials/, target: (pw) => at('mscm', { power_address: `127.0.0.1:${mscm.port}`, power_user: mscm.user, power_pass: pw, node_id: 'c1n1' }) },
  { name: 'sm15k (REST API v0.9)', summary: /^the SeaMicro chassis refused the user name or password$/, target: async (pw) => at('sm15k', { system_id: '0', power_address: (await peer(startSeaMicro(creds, [0]))).address, power_user: 'admin', power_pass: pw, power_control: 'restapi' }), on: true },
  { name: 'sm15k (IPMI)', summary: /^the SeaMicro chassis refused the user name or password \(ipmitool\)/, target: (pw) => at('sm15k', { system_id: '0', power_address: sim.address, power_user: 'admin', power_pass: pw, power_control: 'ipmi' }), on: true },
  { name: 'fence_cdu', summary: /^the CDU prompted for a login and refused the user name or password/, target: async (pw) => at('fence_cdu', { power_address: (await peer(startSentryCdu(creds, ['node-1']))).address, power_id: 'node-1', power_user: 'admin', power_pass: pw }) },
  { name: 'amt (amttool, SOAP)', summary: /^the AMT firmware refused the password/, target: async (pw) => at('amt', { power_address: (await peer(startAmtFirmware(right))).address, power_pass: pw }) },
  { name: 'amt (WS-Management)', summary: /^the AMT firmware refused the user name or password/, target: async (pw) => at('amt', { power_address: (await peer(startAmtWsman(right))).address, power_pass: pw }) },
  { name: 'dli', summary: /^the DLI power switch refused the user name or password \(HTTP 401\)/, target: async (pw) => at('dli', { system_id: '1', power_address: (await peer(startDliSwitch(creds))).address, power_user: 'admin', power_pass: pw }) },
  { name: 'redfish', summary: /^the Redfish BMC refused the user name or password \(HTTP 401\)/, target: async (pw) => at('redfish', { power_address: `http://${(await peer(startRedfishBmc(creds))).address}`, power_user: 'admin', power_pass: pw }) },
  { name: 'msftocs', summary: /refused the user name or password \(HTTP 401\)/, target: async (pw) => { const [host, port] = (await peer(startOcsChassis(creds))).address.split(':'); return at('msftocs', { power_address: host, power_port: port, power_user: 'admin', power_pass: pw, blade_id: '1' }); } },
  { name: 'ucsm', summary: /^the UCS Manager refused aaaLogin \(error 55\d\)/, target: async (pw) => at('ucsm', { uuid: '1b4e28ba-2fa1-11d2-883f-0016d3cca427', power_address: (await peer(startUcsManager(creds, [{ uuid: '1b4e28ba-2fa1-11d2-883f-0016d3cca427', dn: 'sys/chassis-1/blade-1', profile: 'org-root/ls-1', on: false }]))).url, power_user: 'admin', power_pass: pw }) },
  { name: 'vmware', summary: /^the VMware host refused the user name or password/, target: async (pw) => { const [host, port] = (await peer(startVsphere(creds, [{ id: 'vm-1', name: 'web-1', uuid: '4213a2b1-0000-4000-8000-000000000041', on: false }]))).address.split(':'); return at('vmware', { power_address: host, power_port: port, power_protocol: 'http', power_user: 'admin', power_pass: pw, power_uuid: '4213a2b1-0000-4000-8000-000000000041' }); } },
];

describe.each(cases)('$name with a password that is an ordinary word', { timeout: 90_000 }, (c) => {
  test.each(words)('%j: auth, summary intact, no line holding it, argv independent of it', async (pw) => {
    // The same call with another wrong password, side by side: the argv must not differ
    // (a password word like "1" may well be a legitimate argument such as "-R 1").
    const run = async (password: string, t: PowerTarget) => {
      const argv: string[][] = [];
      const s = createPowerService({ queryAttempts: 1, timeoutMs: 20_000, ipmiTool: c.ipmiTool ?? 'auto', spawnObserver: (i) => argv.push(i.args) });
      onTestFinished(() => s.close());
      const asked = { ...t, params: { ...t.params, power_pass: password } };
      const e = await (c.on ? s.on(asked) : s.query(asked)).catch((x: unknown) => x);
      return { e, argv };
    };
    const t = await c.target(pw);
    const [mine, other] = await Promise.all([run(pw, t), run('zz-Other-pw', t)]);
    expect(mine.e).toBeInstanceOf(PowerError);
    const { kind, message } = mine.e as PowerError;
    expect(kind).toBe('auth');
    expect(message).toMatch(c.summary);
    expect(message).not.toContain('***');
    const cause = message.includes(' — ') ? message.slice(message.indexOf(' — ') + 3).split('; ') : [];
    for (const line of cause) expect(line === withheldLine || !line.includes(pw), `line ${JSON.stringify(line)}`).toBe(true);
    expect(mine.argv.map((a) => a.map((x) => x.replace(/\/maas-power-[^/]+(\/f-[^/]+)?\//, '/SCRATCH/')))).toEqual(other.argv.map((a) => a.map((x) => x.replace(/\/maas-power-[^/]+(\/f-[^/]+)?\//, '/SCRATCH/'))));
  });
});
