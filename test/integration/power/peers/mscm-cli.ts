// The HP Moonshot iLO Chassis Manager command line, behind the private sshd peer: the
// commands MAAS's mscm driver used, answered in the CLI's documented shape —
// "show node power cXnY" ("Cartridge #X / Node #Y / Power State: On|Off"),
// "set node power on|off [force] cXnY", "set node bootonce pxe cXnY", "show node list" —
// and "Error: Invalid node specified." for a node the chassis does not have. Node states
// live in files (writable by the test user), each command is appended to a log.
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSshd, type Sshd } from './sshd';

const cliScript = (state: string, nodes: string[]) => `#!/usr/bin/python3
import os, re, sys
state = ${JSON.stringify(state)}
nodes = ${JSON.stringify(nodes)}
cmd = os.environ.get("SSH_ORIGINAL_COMMAND", "").strip()
with open(os.path.join(state, "log"), "a") as f:
    f.write(cmd + "\\n")
def power(n):
    try:
        return open(os.path.join(state, n)).read().strip()
    except FileNotFoundError:
        return "Off"
m = re.fullmatch(r"show node power (c\\d+n\\d+)", cmd)
s = re.fullmatch(r"set node power (on|off|off force) (c\\d+n\\d+)", cmd)
b = re.fullmatch(r"set node bootonce pxe (c\\d+n\\d+)", cmd)
node = (m or s or b).group((m or s or b).lastindex) if (m or s or b) else None
if node is not None and node not in nodes:
    print("\\r\\nError: Invalid node specified.\\r\\n")
elif m:
    c, n = re.fullmatch(r"c(\\d+)n(\\d+)", node).groups()
    print("show node power %s\\r\\r\\n\\r\\nCartridge #%s\\r\\n  Node #%s\\r\\n    Power State: %s\\r\\n" % (node, c, n, power(node)))
elif s:
    open(os.path.join(state, node), "w").write("On" if s.group(1) == "on" else "Off")
    print("\\r\\n%s: Successfully %s.\\r\\n" % (node, "powered on" if s.group(1) == "on" else "powered off"))
elif b:
    print("\\r\\n%s: Boot once PXE set.\\r\\n" % node)
elif cmd == "show node list":
    print("Slot ID    Proc Manufacturer\\r\\n" + "".join(" %02d  %s  Intel Corporation  x86 Architecture  32 GB  %s  OK\\r\\n" % (i + 1, n, power(n)) for i, n in enumerate(nodes)))
else:
    print("\\r\\nError: Invalid command.\\r\\n")
`;

export interface MscmCli extends Sshd {
  power(node: string): Promise<'On' | 'Off'>;
  setPower(node: string, s: 'On' | 'Off'): Promise<void>;
  commands(): Promise<string[]>;
}

export async function startMscmCli(password: string, nodes: string[]): Promise<MscmCli> {
  const state = await mkdtemp(join(tmpdir(), 'mscm-state-'));
  await chmod(state, 0o777); // the CLI runs as the sshd peer's test user
  await writeFile(join(state, 'log'), '', { mode: 0o666 });
  await chmod(join(state, 'log'), 0o666);
  const sshd = await startSshd({ password, command: cliScript(state, nodes) });
  return {
    ...sshd,
    power: async (n) => ((await readFile(join(state, n), 'utf8').catch(() => 'Off')).trim() === 'On' ? 'On' : 'Off'),
    setPower: async (n, s) => { await writeFile(join(state, n), s, { mode: 0o666 }); await chmod(join(state, n), 0o666); },
    commands: async () => (await readFile(join(state, 'log'), 'utf8')).split('\n').filter(Boolean),
    async stop() {
      await sshd.stop();
      await rm(state, { recursive: true, force: true });
    },
  };
}
