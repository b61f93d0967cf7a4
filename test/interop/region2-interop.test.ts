// Interop for the second half of the MAAS 1.8 API: the independent Python client (Debian's
// python3-requests-oauthlib + python3-bson) over networks, IP reservation (14 threads at
// once), commissioning scripts, boot sources and SSL keys.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { testRegion } from '../integration/region/helpers';

const SCRIPT = fileURLToPath(new URL('./region2_scenario.py', import.meta.url));
const PYTHON = '/usr/bin/python3';

test('python3-requests-oauthlib drives networks, IP reservation, scripts, boot sources and SSL keys', async () => {
  if (!existsSync(PYTHON)) throw new Error('needs /usr/bin/python3 (apt-get install python3 python3-requests-oauthlib python3-bson)');
  const probe = await promisify(execFile)(PYTHON, ['-c', 'import requests_oauthlib, bson']).catch((e: Error) => e);
  if (probe instanceof Error) throw new Error(`needs Debian packages python3-requests-oauthlib and python3-bson: ${probe.message}`);
  const region = await testRegion();
  const { stdout } = await promisify(execFile)(PYTHON, [SCRIPT, region.url, region.createApiKey(), resolve('test/fixtures/ssl/cert.pem')], { timeout: 60_000 });
  const seen = JSON.parse(stdout.trim().split('\n').at(-1)!);
  const range = Array.from({ length: 10 }, (_, i) => `10.40.0.${10 + i}`);
  expect(seen).toEqual({
    network: ['10.20.0.0', 100], bad_vlan: 400, form_error: [400, 'application/json', ['netmask: This netmask would span the entire Internet.']], connected: ['52:54:00:0c:0d:01'], networks_of_node: ['lab'], delete_connected: 409,
    reserved: range, exhausted: [503, 503, 503, 503], listed: range, rereserved: '10.40.0.10',
    script_raw_equal: true, script_b64_equal: true, script_list: ['10-first', '40-vendor-tool'], bad_script_name: 400,
    keyring_equal: true, selection: ['xenial', ['amd64', 'arm64'], ['*']], sources: 2, import: 503,
    ssl_listed: 1, ssl_bad: 400, ssl_after: 0, cluster_details: true,
  });
}, 90_000);
