// Certificates made for a test with the openssl CLI (Debian package `openssl`), in a temp dir:
// a self-signed server certificate, and a private CA with a server certificate it signed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCertificates {
  dir: string;
  selfSigned: { key: string; cert: string };
  ca: { cert: string; certFile: string };
  signed: { key: string; cert: string };
  cleanup(): void;
}

function openssl(args: string[], cwd: string): void {
  try {
    execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('The openssl CLI is missing: install the Debian package `openssl` (listed in .ci/apt-packages.txt).');
    throw e;
  }
}

export function makeTestCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'maas-tls-'));
  const san = 'subjectAltName=IP:127.0.0.1,DNS:localhost';
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'self.key', '-out', 'self.crt', '-days', '2',
    '-subj', '/CN=maas-selfsigned.test', '-addext', san], dir);
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2',
    '-subj', '/CN=Test Lab CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], dir);
  openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'srv.key', '-out', 'srv.csr', '-subj', '/CN=maas.lab.test'], dir);
  writeFileSync(join(dir, 'srv.ext'), `${san}\nbasicConstraints=CA:FALSE\n`);
  openssl(['x509', '-req', '-in', 'srv.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'srv.crt',
    '-days', '2', '-extfile', 'srv.ext'], dir);
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  return {
    dir,
    selfSigned: { key: read('self.key'), cert: read('self.crt') },
    ca: { cert: read('ca.crt'), certFile: join(dir, 'ca.crt') },
    signed: { key: read('srv.key'), cert: read('srv.crt') },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
