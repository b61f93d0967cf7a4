// libvirt connection URIs as virsh takes them (`virsh -c URI`). libvirt can be told by the
// URI itself to run a program (the `ext` transport, `?command=`, `?netcat=`, `?proxy=`),
// to talk to another socket (`unix`, `?socket=`), or to trust other keys and hosts
// (`?keyfile=`, `?pkipath=`, `?no_verify=1`, `?known_hosts=`), and it decodes %XX and
// ignores case in parameter names. A power address comes from whoever enlisted the node,
// so only the forms MAAS users write are accepted and everything else is refused:
//   qemu:///system, qemu+ssh://[user@]host[:port]/system, qemu+tcp://…, qemu+tls://…
//   test:///default or test:///path/to/host.xml (libvirt's test driver), test+tcp/tls/ssh://…
// and no query string at all: none of libvirt's URI parameters is needed to power a machine.

import { hostProblem, portProblem } from './address';

const TRANSPORTS: Record<string, readonly string[]> = {
  qemu: ['', 'ssh', 'tcp', 'tls'],
  test: ['', 'ssh', 'tcp', 'tls'],
};
const QEMU_PATHS = new Set(['/system', '/session']);
const USER = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const TEST_PATH = /^\/[A-Za-z0-9_.+/-]*$/;

export const libvirtUriExample = 'qemu+ssh://user@host/system';

/** Why `value` is not an accepted libvirt URI, or null. */
export function libvirtUriProblem(value: string): string | null {
  if (value.startsWith('-')) return 'must not begin with "-"';
  if (/[\s\u0000-\u001f\u007f]/.test(value)) return 'must not contain spaces or control characters';
  if (value.includes('%')) return 'must not contain percent-encoded characters';
  if (value.includes('?')) return 'must not carry libvirt URI parameters ("?…"): they can make virsh run programs or trust other keys';
  if (value.includes('#')) return 'must not carry a fragment ("#…")';
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/]*)(\/.*)?$/.exec(value);
  if (!m) return `must be a libvirt URI such as ${libvirtUriExample}`;
  const [driver, transport = '', ...more] = m[1].split('+');
  const allowed = TRANSPORTS[driver];
  if (!allowed || more.length || !allowed.includes(transport)) {
    return 'uses a libvirt driver or transport that is not accepted (use qemu, qemu+ssh, qemu+tcp or qemu+tls)';
  }
  const authority = m[2];
  const path = m[3] ?? '';
  if (transport === '') {
    if (authority !== '') return `names a host without a transport: write ${driver}+ssh://…, ${driver}+tcp://… or ${driver}+tls://…`;
  } else {
    const problem = authorityProblem(authority);
    if (problem) return problem;
  }
  if (driver === 'qemu' && !QEMU_PATHS.has(path)) return 'must end in /system or /session';
  if (driver === 'test' && (!TEST_PATH.test(path) || path.split('/').includes('..'))) return 'must end in /default or the path of a test driver file';
  return null;
}

function authorityProblem(authority: string): string | null {
  let hostPort = authority;
  const at = authority.lastIndexOf('@');
  if (at >= 0) {
    const user = authority.slice(0, at);
    if (user.includes(':')) return 'must not hold a password: use the password field';
    if (!USER.test(user)) return 'has a user name that is not allowed (letters, digits, ".", "_", "-"; not beginning with "-")';
    hostPort = authority.slice(at + 1);
  }
  if (hostPort === '') return 'has no host name or address';
  const bracketed = /^\[([^\]]*)\](?::(.*))?$/.exec(hostPort);
  if (bracketed) {
    return hostProblem(bracketed[1]) ?? (bracketed[2] === undefined ? null : portProblem(bracketed[2]));
  }
  const [host, port, ...extra] = hostPort.split(':');
  if (extra.length) return 'has an IPv6 address without brackets';
  const problem = hostProblem(host);
  if (problem) return `host ${problem}`;
  return port === undefined ? null : portProblem(port);
}
