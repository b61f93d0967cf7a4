// A real IPMI BMC on loopback: OpenIPMI's ipmi_sim (Debian openipmi), LAN 1.5 and 2.0, user
// admin with a password, and a chassis_control script keeping the power state in a file —
// the configuration shared/reference/toolchain.md §9 verified.
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeUdpPort } from './free-port';
import { requireTool } from './require-tool';

export interface IpmiSim {
  address: string; // "127.0.0.1:PORT"
  user: string;
  password: string;
  /** A power-only account: privilege limit OPERATOR (chassis control, no administration). */
  operator: { user: string; password: string };
  /** The chassis power of the BMC itself, or of the cartridge MC at IPMB 0x72 (bridged to). */
  power(mc?: 'bmc' | 'cartridge'): Promise<'on' | 'off'>;
  setPower(s: 'on' | 'off'): Promise<void>;
  /** Chassis settings in order: 'on', 'off', or 'soft' (a soft shutdown request). */
  changes(): Promise<string[]>;
  /** SIGSTOP: the BMC stops answering (packets are queued, never replied to). */
  freeze(): void;
  thaw(): void;
  stop(): Promise<void>;
}

const chassisScript = `#!/bin/sh
# ipmi_sim chassis_control: called as "get power", "set power 0|1", or "set shutdown 1"
# (a soft shutdown: the OS takes a moment, then the machine is off).
d="$(dirname "$0")"
[ -f "$d/power" ] || echo 0 > "$d/power"
case "$1" in
  get) echo "power:$(cat "$d/power")" ;;
  set)
    if [ "$2" = power ]; then echo "$3" > "$d/power"; echo "$3" >> "$d/changes"; fi
    if [ "$2" = shutdown ]; then echo soft >> "$d/changes"; (sleep 0.3; echo 0 > "$d/power") & fi ;;
esac
exit 0
`;

/** `modules`: ipmi_sim plugins (`loadlib`), each a shared object and its option string. */
export async function startIpmiSim(opts: { password?: string; power?: 'on' | 'off'; extraUsers?: string[]; modules?: { path: string; options: string }[] } = {}): Promise<IpmiSim> {
  requireTool('ipmi_sim', 'openipmi');
  const dir = await mkdtemp(join(tmpdir(), 'ipmi-sim-'));
  const port = await freeUdpPort();
  const password = opts.password ?? 'bmc-s3cret-pw';
  const operatorPassword = 'op-s3cret-pw';
  await writeFile(join(dir, 'chassis.sh'), chassisScript, { mode: 0o755 });
  await mkdir(join(dir, 'c72'));
  await writeFile(join(dir, 'c72', 'chassis.sh'), chassisScript, { mode: 0o755 });
  await writeFile(join(dir, 'c72', 'power'), '0\n');
  await writeFile(join(dir, 'power'), opts.power === 'on' ? '1\n' : '0\n');
  await writeFile(join(dir, 'changes'), '');
  await writeFile(
    join(dir, 'lan.conf'),
    `name "tcbmc"
set_working_mc 0x20
  startlan 1
    addr 127.0.0.1 ${port}
    priv_limit admin
    allowed_auths_callback none md2 md5 straight
    allowed_auths_user none md2 md5 straight
    allowed_auths_operator none md2 md5 straight
    allowed_auths_admin none md2 md5 straight
    guid a123456789abcdefa123456789abcdef
  endlan
  chassis_control "${join(dir, 'chassis.sh')}"
  user 2 true  "admin" "${password}" admin 10 none md2 md5 straight
  user 3 true  "poweronly" "${operatorPassword}" operator 10 none md2 md5 straight
${(opts.extraUsers ?? []).map((u) => `  ${u}\n`).join('')}${(opts.modules ?? []).map((m) => `loadlib "${m.path}" "${m.options}"\n`).join('')}set_working_mc 0x72
  chassis_control "${join(dir, 'c72', 'chassis.sh')}"
`,
  );
  await writeFile(
    join(dir, 'sim.emu'),
    [
      'mc_setbmc 0x20',
      'mc_add 0x20 0 no-device-sdrs 0x23 9 8 0x9f 0x1291 0xf02 persist_sdr',
      'sel_enable 0x20 1000 0x0a',
      // a second MC on IPMB, reached by bridging (-t 0x72): a Moonshot cartridge
      'mc_add 0x72 0 no-device-sdrs 0x24 9 8 0x9f 0x1291 0xf03 persist_sdr',
      'mc_enable 0x20',
      'mc_enable 0x72',
      '',
    ].join('\n'),
  );
  await mkdir(join(dir, 'state'));
  const child: ChildProcess = spawn('ipmi_sim', ['-c', 'lan.conf', '-f', 'sim.emu', '-s', './state', '-n'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  // The last words, for a simulator (or a plugin it loads) that fails to start.
  let said = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => { said = (said + d).slice(-2000); });
  await waitForPong(port, child).catch(async (e: unknown) => {
    child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
    throw new Error(`${(e as Error).message}${said ? `: ${said.trim()}` : ''}`);
  });
  const readPower = async (mc: 'bmc' | 'cartridge' = 'bmc') =>
    ((await readFile(join(dir, ...(mc === 'cartridge' ? ['c72'] : []), 'power'), 'utf8')).trim() === '1' ? 'on' : 'off') as 'on' | 'off';
  return {
    address: `127.0.0.1:${port}`,
    user: 'admin',
    password,
    operator: { user: 'poweronly', password: operatorPassword },
    power: readPower,
    setPower: (s) => writeFile(join(dir, 'power'), s === 'on' ? '1\n' : '0\n'),
    changes: async () => (await readFile(join(dir, 'changes'), 'utf8')).split('\n').filter(Boolean).map((x) => (x === '1' ? 'on' : x === 'soft' ? 'soft' : 'off')),
    freeze: () => child.kill('SIGSTOP'),
    thaw: () => child.kill('SIGCONT'),
    async stop() {
      child.kill('SIGCONT');
      child.kill('SIGKILL');
      await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** RMCP presence ping (ASF, IANA 4542) until the simulator answers with a pong. */
async function waitForPong(port: number, child: ChildProcess): Promise<void> {
  const ping = Buffer.from('0600ff06000011be80000000', 'hex');
  const sock = createSocket('udp4');
  try {
    await new Promise<void>((resolve, reject) => {
      const deadline = Date.now() + 10_000;
      let done = false;
      sock.on('message', () => { done = true; resolve(); });
      child.once('exit', (code) => reject(new Error(`ipmi_sim exited (${code}) before answering`)));
      const send = () => {
        if (done) return;
        if (Date.now() > deadline) return reject(new Error('ipmi_sim did not answer an RMCP ping within 10 s'));
        sock.send(ping, port, '127.0.0.1');
        setTimeout(send, 50).unref();
      };
      sock.bind(0, '127.0.0.1', send);
    });
  } finally {
    sock.close();
  }
}
