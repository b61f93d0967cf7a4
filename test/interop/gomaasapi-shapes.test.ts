// Interop: Juju's gomaasapi (the Go client Juju drove MAAS 1.x with; Debian's
// golang-github-juju-gomaasapi-dev, built in GOPATH mode) against a real region: enlist,
// read, list, version/, describe/, and MAAS's two error shapes (JSON form errors, plain text).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { goBinary } from '../support/go-binary';
import { testRegion } from '../integration/region/helpers';

const SOURCE = fileURLToPath(new URL('./gomaasapi-client/main.go', import.meta.url));

test('gomaasapi (Go, Juju) enlists, reads and lists nodes, and parses a form error as JSON', async () => {
  const bin = goBinary({ name: 'gomaasapi-shapes', source: SOURCE, debianPackage: 'golang-github-juju-gomaasapi-dev', needs: 'github.com/juju/gomaasapi' });
  const region = await testRegion();
  const { stdout } = await promisify(execFile)(bin, [region.url, region.createApiKey()], { timeout: 60_000 });
  expect(JSON.parse(stdout.trim())).toEqual({
    capabilities: ['networks-management', 'static-ipaddresses', 'devices-management'],
    hostname: 'go-client',
    listed: 1,
    form_error: [400, 'application/json', { netmask: ['This netmask would span the entire Internet.'] }],
    reserve_error: [400, 'Must supply either a network or a requested_address.'],
    described: ['NodesHandler', 'NodeResultsHandler'],
  });
}, 16 * 60_000);
