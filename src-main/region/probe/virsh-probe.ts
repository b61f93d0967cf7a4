// Lists the domains of a libvirt URI with virsh, as MAAS 1.8's probe_virsh_and_enlist
// (provisioningserver/drivers/hardware/virsh.py) did: every domain (optionally only those
// whose name starts with a prefix), its architecture (ARCH_FIX applied) and its MACs.
// virsh runs with argument arrays; a password reaches it through files, never argv.
import { createRunTool, lastLines } from '../../power/run-tool';
import { createScratch } from '../../power/scratch';
import { withVirshPassword } from '../../power/drivers/virsh';
import { normaliseMac } from '../../../src-shared/maas/index';

export interface ProbedDomain {
  name: string;
  architecture: string;
  macs: string[];
}

/** MAAS's ARCH_FIX: libvirt's architecture names → Ubuntu's. */
const ARCH_FIX: Record<string, string> = { x86_64: 'amd64', ppc64: 'ppc64el', ppc64le: 'ppc64el', i686: 'i386' };
const PARALLEL = 4;

export class ProbeError extends Error {
  constructor(readonly kind: 'bad-parameters' | 'unreachable' | 'tool-missing', message: string) {
    super(message);
  }
}

/** A libvirt URI with no password in it (the password goes in power_pass). */
export function checkLibvirtUri(u: string): string | null {
  const m = /^([a-z][a-z0-9+]*):\/\/([^/?#\s]*)\S*$/i.exec(u);
  if (!m || u.startsWith('-')) return 'power_address must be a libvirt URI such as qemu+ssh://user@host/system or test:///default.';
  if (m[2].includes('@') && m[2].slice(0, m[2].lastIndexOf('@')).includes(':')) return 'power_address must not hold a password: use power_pass.';
  return null;
}

export async function probeVirsh(opts: { uri: string; password: string; prefix: string; timeoutMs?: number }): Promise<ProbedDomain[]> {
  const scratch = createScratch();
  const runTool = createRunTool({ home: () => scratch.dir() });
  const signal = new AbortController().signal;
  const virsh = async (args: string[]): Promise<string> => {
    const run = async (env: Record<string, string>) => {
      let out;
      try {
        out = await runTool({ command: 'virsh', args: ['-q', '-c', opts.uri, ...args], debianPackage: 'libvirt-clients', env, signal, timeoutMs: opts.timeoutMs ?? 30_000 });
      } catch (e) {
        const err = e as { kind?: string; message: string };
        throw new ProbeError(err.kind === 'tool-missing' ? 'tool-missing' : 'unreachable', err.message);
      }
      if (out.code !== 0) throw new ProbeError('unreachable', `virsh ${args[0]} at ${opts.uri} failed: ${lastLines(out.stderr)}`);
      return out.stdout;
    };
    return opts.password ? withVirshPassword(scratch, opts.uri, opts.password, run) : run({});
  };
  try {
    const names = (await virsh(['list', '--all', '--name'])).split('\n').map((n) => n.trim()).filter(Boolean)
      .filter((n) => n.startsWith(opts.prefix));
    const describe = async (name: string): Promise<ProbedDomain> => {
      const xml = await virsh(['dumpxml', '--domain', name]);
      // libvirt's own, well-formed output: the <os><type arch=…> and <mac address=…/> attributes.
      const arch = /<type\b[^>]*\barch=['"]([^'"]+)['"]/.exec(xml)?.[1] ?? 'amd64';
      const macs = [...xml.matchAll(/<mac\s+address=['"]([^'"]+)['"]/g)].map((m) => normaliseMac(m[1])).filter((m): m is string => !!m);
      return { name, architecture: `${ARCH_FIX[arch] ?? arch}/generic`, macs: [...new Set(macs)] };
    };
    // A few dumpxml at a time: over qemu+ssh each is a connection, and hypervisors hold dozens of domains.
    const domains: ProbedDomain[] = [];
    for (let i = 0; i < names.length; i += PARALLEL) domains.push(...(await Promise.all(names.slice(i, i + PARALLEL).map(describe))));
    return domains;
  } finally {
    await scratch.remove();
  }
}

