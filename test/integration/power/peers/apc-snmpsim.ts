// An APC switched PDU on loopback served by Debian's snmpsim with its stock writecache
// variation module: outlets 1-8 of rPDUOutletControlOutletCommand
// (.1.3.6.1.4.1.318.1.1.12.3.3.1.1.4.N) for the community "private", readable and writable,
// 2 (off) at start. Nothing here interprets the protocol: snmpsim does.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freeUdpPort } from './free-port';
import { requireTool } from './require-tool';

const column = '1.3.6.1.4.1.318.1.1.12.3.3.1.1.4';
const outlets = 8;
const run = promisify(execFile);

export interface ApcPdu {
  address: string;
  outlet(n: number): Promise<'on' | 'off'>;
  setOutlet(n: number, s: 'on' | 'off'): Promise<void>;
  /** SETs the agent received, in order, as "N VALUE" (1 on, 2 off). */
  writes(): Promise<string[]>;
  stop(): Promise<void>;
}

export async function startApcPdu(): Promise<ApcPdu> {
  requireTool('snmpsimd', 'snmpsim');
  requireTool('snmpget', 'snmp');
  const dir = await mkdtemp(join(tmpdir(), 'apc-snmpsim-'));
  await chmod(dir, 0o755);
  await mkdir(join(dir, 'data'), { mode: 0o755 });
  await mkdir(join(dir, 'cache'), { mode: 0o777 });
  await chmod(join(dir, 'cache'), 0o777); // snmpsimd, run as root, drops to nobody
  await writeFile(join(dir, 'data', 'private.snmprec'), Array.from({ length: outlets }, (_, i) => `${column}.${i + 1}|2:writecache|value=2\n`).join(''), { mode: 0o644 });
  const log = join(dir, 'snmpsimd.log');
  await writeFile(log, '', { mode: 0o666 });
  await chmod(log, 0o666);
  const port = await freeUdpPort();
  const agent = `127.0.0.1:${port}`;
  const child: ChildProcess = spawn('snmpsimd', [
    ...(process.getuid?.() === 0 ? ['--process-user=nobody', '--process-group=nogroup'] : []),
    `--data-dir=${join(dir, 'data')}`, `--cache-dir=${join(dir, 'cache')}`,
    '--variation-modules-dir=/usr/share/snmpsim/variation',
    `--agent-udpv4-endpoint=${agent}`, `--logging-method=file:${log}`,
  ], { stdio: 'ignore' });
  const env = { ...process.env, MIBS: '', SNMP_PERSISTENT_DIR: join(dir, 'cache') };
  const snmp = (tool: 'snmpget' | 'snmpset', n: number, extra: string[] = [], timeout = '1') =>
    run(tool, ['-v1', '-c', 'private', '-t', timeout, '-r', '0', '-On', '-Oqv', agent, `.${column}.${n}`, ...extra], { env });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`snmpsimd exited (${child.exitCode}) before answering`);
    if (await snmp('snmpget', 1, [], '0.3').then(() => true, () => false)) break;
    if (Date.now() > deadline) throw new Error('snmpsimd did not answer within 30 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    address: agent,
    outlet: async (n) => ((await snmp('snmpget', n)).stdout.trim() === '1' ? 'on' : 'off'),
    setOutlet: async (n, s) => { await snmp('snmpset', n, ['i', s === 'on' ? '1' : '2']); },
    writes: async () =>
      [...(await readFile(log, 'utf8')).matchAll(new RegExp(`Request var-binds: ${column.replace(/\./g, '\\.')}\\.(\\d+)=<(\\d+)>, flags: [^\\n]*SET`, 'g'))].map((m) => `${m[1]} ${m[2]}`),
    async stop() {
      child.kill('SIGKILL');
      await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
