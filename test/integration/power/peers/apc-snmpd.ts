// An APC switched PDU on loopback: Debian's real snmpd, with a `pass` script serving the
// rPDUOutletControlOutletCommand column (.1.3.6.1.4.1.318.1.1.12.3.3.1.1.4.N) the way APC's
// PowerNet MIB defines it — read 1 immediateOn / 2 immediateOff, write 1 on, 2 off,
// 3 immediateReboot — with the outlet states kept in files.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { freeUdpPort } from './free-port';
import { requireTool } from './require-tool';

const outletsScript = `#!/bin/sh
base=.1.3.6.1.4.1.318.1.1.12.3.3.1.1.4
dir="$(dirname "$0")/outlets"
outlets=8
state() { cat "$dir/$1" 2>/dev/null || echo 2; }
case "$1" in
  -g)
    n="\${2#$base.}"
    case "$n" in ''|*[!0-9]*) exit 0 ;; esac
    [ "$n" -ge 1 ] && [ "$n" -le $outlets ] || exit 0
    printf '%s\\ninteger\\n%s\\n' "$2" "$(state "$n")" ;;
  -n)
    if [ "$2" = "$base" ] || [ "\${2#$base.}" = "$2" ]; then n=1; else n=$(( \${2#$base.} + 1 )); fi
    [ "$n" -le $outlets ] || exit 0
    printf '%s.%s\\ninteger\\n%s\\n' "$base" "$n" "$(state "$n")" ;;
  -s)
    n="\${2#$base.}"
    case "$n" in ''|*[!0-9]*) echo not-writable; exit 0 ;; esac
    [ "$n" -ge 1 ] && [ "$n" -le $outlets ] || { echo not-writable; exit 0; }
    [ "$3" = integer ] || { echo wrong-type; exit 0; }
    case "$4" in
      1|3) echo 1 > "$dir/$n" ;;
      2) echo 2 > "$dir/$n" ;;
      *) echo wrong-value; exit 0 ;;
    esac
    echo "$n $4" >> "$dir/log" ;;
esac
`;

export interface ApcPdu {
  address: string;
  outlet(n: number): Promise<'on' | 'off'>;
  setOutlet(n: number, s: 'on' | 'off'): Promise<void>;
  /** Writes received, "N VALUE" (1 on, 2 off, 3 reboot). */
  writes(): Promise<string[]>;
  stop(): Promise<void>;
}

export async function startApcPdu(): Promise<ApcPdu> {
  requireTool('snmpd', 'snmpd');
  const dir = await mkdtemp(join(tmpdir(), 'apc-snmpd-'));
  await mkdir(join(dir, 'outlets'));
  await mkdir(join(dir, 'persist'));
  await writeFile(join(dir, 'outlets', 'log'), '');
  await writeFile(join(dir, 'apc-outlets.sh'), outletsScript, { mode: 0o755 });
  const port = await freeUdpPort();
  await writeFile(
    join(dir, 'snmpd.conf'),
    [
      `agentAddress udp:127.0.0.1:${port}`,
      'rocommunity public 127.0.0.1',
      'rwcommunity private 127.0.0.1',
      `pass .1.3.6.1.4.1.318.1.1.12.3.3.1.1.4 /bin/sh ${join(dir, 'apc-outlets.sh')}`,
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn('snmpd', ['-f', '-Lo', '-C', '-c', join(dir, 'snmpd.conf'), '-p', join(dir, 'snmpd.pid')], {
    env: { ...process.env, MIBS: '', SNMP_PERSISTENT_DIR: join(dir, 'persist') },
    stdio: 'ignore',
  });
  await waitUntilAnswering(`127.0.0.1:${port}`, child, dir);
  const file = (n: number) => join(dir, 'outlets', String(n));
  return {
    address: `127.0.0.1:${port}`,
    outlet: async (n) => ((await readFile(file(n), 'utf8').catch(() => '2')).trim() === '1' ? 'on' : 'off'),
    setOutlet: (n, s) => writeFile(file(n), s === 'on' ? '1\n' : '2\n'),
    writes: async () => (await readFile(join(dir, 'outlets', 'log'), 'utf8')).split('\n').filter(Boolean),
    async stop() {
      child.kill('SIGKILL');
      await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function waitUntilAnswering(agent: string, child: ChildProcess, dir: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`snmpd exited (${child.exitCode}) before answering`);
    try {
      await promisify(execFile)('snmpget', ['-v1', '-c', 'public', '-t', '0.2', '-r', '0', '-On', agent, '.1.3.6.1.4.1.318.1.1.12.3.3.1.1.4.1'], {
        env: { ...process.env, MIBS: '', SNMP_PERSISTENT_DIR: join(dir, 'persist') },
      });
      return;
    } catch {
      if (Date.now() > deadline) throw new Error('snmpd did not answer within 10 s');
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
