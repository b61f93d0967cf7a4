// describe/'s docs for version/: the MAAS 1.8 API page's text for each action
// (test/fixtures/spec/maas-1.8-api.md; describe-docs.test.ts holds them equal to it).
import type { OpDocs } from '../../http/context';

export const versionDocs: OpDocs = {
  'GET':
    'Version and capabilities of this MAAS instance.\n\n' +
    'This embedded region advertises networks-management, static-ipaddresses and devices-management, which it serves in full. ' +
    'It does not advertise ipv6-deployment-ubuntu, which MAAS 1.8 did: that promised IPv6 configuration of deployed Ubuntu nodes, ' +
    'and this region installs no operating system (no PXE on a laptop).',
};
