// gomaasapi (Juju's MAAS client, Debian's golang-github-juju-gomaasapi-dev) against the
// region: it sends no Origin and the Host it was given, so it passes the region's browser and
// rebinding checks; a real libvirt address is stored, a hostile one is a 400 it can read.
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { goBinary } from '../support/go-binary';
import { markerProgram } from '../support/marker-program';
import { tempDir, testRegion } from '../integration/region/helpers';

const run = promisify(execFile);

test('gomaasapi lists, enlists with qemu+ssh://user@host/system, and reads the 400 for a hostile URI', async () => {
  const bin = goBinary({ name: 'gomaasapi-client', source: join(dirname(fileURLToPath(import.meta.url)), 'gomaasapi', 'main.go'),
    debianPackage: 'golang-github-juju-gomaasapi-dev', needs: 'github.com/juju/gomaasapi' });
  const region = await testRegion();
  const marker = markerProgram(tempDir('marker-'));
  const { stdout } = await run(bin, [region.url, region.createApiKey(), marker.path], { timeout: 60_000 });
  const steps = stdout.trim().split('\n').map((l) => JSON.parse(l));
  expect(steps[0]).toEqual({ step: 'list', count: 0 });
  expect(steps[1]).toMatchObject({ step: 'good', status: 200, system_id: expect.stringMatching(/^node-/) });
  expect(steps[2]).toMatchObject({ step: 'hostile', status: 400 });
  expect(JSON.parse(steps[2].body)).toEqual({ power_parameters_power_address: [expect.stringMatching(/must not carry libvirt URI parameters/)] });
  expect(region.core.nodes.powerParams(region.core.nodes.bySystemId(steps[1].system_id)!.id)).toEqual({ power_address: 'qemu+ssh://user@host/system', power_id: 'vm1' });
  expect(marker.ran()).toBe(false);
}, 16 * 60_000);
