// Lists the domains of a libvirt URI with virsh, as MAAS 1.8's probe_virsh_and_enlist
// (provisioningserver/drivers/hardware/virsh.py) did: every domain (optionally only those
// whose name starts with a prefix), its architecture (ARCH_FIX applied) and its MACs.
// virsh runs with argument arrays; a password reaches it through files, never argv.
import { createRunTool } from '../../power/run-tool';
import { createScratch } from '../../power/scratch';
import { virshFailure } from '../../power/drivers/virsh';
import { withVirshAuth } from '../../power/drivers/virsh-ssh';
import { PowerError } from '../../power/types';
import { normaliseMac } from '../../../src-shared/maas/index';
import { libvirtUriProblem } from '../../../src-shared/maas/power-params/index';

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

export async function probeVirsh(opts: { uri: string; password: string; prefix: string; timeoutMs?: number }): Promise<ProbedDomain[]> {
  // Checked again here, whoever calls: a URI can make virsh run a program.
  const problem = libvirtUriProblem(opts.uri);
  if (problem) throw new ProbeError('bad-parameters', problem);
  const scratch = createScratch();
  const runTool = createRunTool({ home: () => scratch.dir() });
  const signal = new AbortController().signal;
  // A message names what virsh said, except lines holding the password (never masked).
  const fail = (kind: ProbeError['kind'], e: PowerError) => new ProbeError(kind, e.withCause([opts.password, opts.password.trim()]).message);
  const virsh = (args: string[]): Promise<string> =>
    withVirshAuth(scratch, opts.uri, opts.password, async ({ env, pathPrefix }) => {
      let out;
      try {
        out = await runTool({ command: 'virsh', args: ['-q', '-c', opts.uri, ...args], debianPackage: 'libvirt-clients', env, pathPrefix, signal, timeoutMs: opts.timeoutMs ?? 30_000 });
      } catch (e) {
        const err = e instanceof PowerError ? e : new PowerError('failed', `virsh ${args[0]} did not run`, String(e));
        throw fail(err.kind === 'tool-missing' ? 'tool-missing' : 'unreachable', err);
      }
      if (out.code !== 0) {
        const err = virshFailure(out.stderr, opts.uri, `virsh ${args[0]}`);
        throw fail(err.kind === 'bad-parameters' ? 'bad-parameters' : 'unreachable', err);
      }
      return out.stdout;
    }).catch((e: unknown) => {
      throw e instanceof PowerError ? fail('bad-parameters', e) : e;
    });
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

