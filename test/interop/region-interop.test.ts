// Interop: an independent MAAS client (Debian's python3-requests-oauthlib + python3-bson)
// drives enlist, accept, details, tag, release and events against a real region.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { FIXTURE_PATH } from '../unit/xpath/samples';
import { testRegion } from '../integration/region/helpers';

const SCRIPT = fileURLToPath(new URL('./region_scenario.py', import.meta.url));
const PYTHON = '/usr/bin/python3';

test('python3-requests-oauthlib + python3-bson drive the region end to end', async () => {
  if (!existsSync(PYTHON)) throw new Error('needs /usr/bin/python3 (apt-get install python3 python3-requests-oauthlib python3-bson)');
  const probe = await promisify(execFile)(PYTHON, ['-c', 'import requests_oauthlib, bson']).catch((e: Error) => e);
  if (probe instanceof Error) throw new Error(`needs Debian packages python3-requests-oauthlib and python3-bson: ${probe.message}`);
  const region = await testRegion();
  const { stdout } = await promisify(execFile)(PYTHON, [SCRIPT, region.url, region.createApiKey(), FIXTURE_PATH], { timeout: 60_000 });
  const seen = JSON.parse(stdout.trim().split('\n').at(-1)!);
  expect(seen).toMatchObject({
    enlisted: 'New',
    macs: ['52:54:00:0a:0b:01', '52:54:00:0a:0b:02'],
    after_details: 'Ready',
    details_lshw_equal: true,
    details_lldp: null,
    tagged: true,
    hmac_list: 1,
    acquired: true,
    final: 'Ready',
    events_paging: true,
    bad_secret_status: 401,
  });
  expect(seen.accepted).toHaveLength(1);
  expect(seen.released).toEqual(seen.accepted);
  expect(seen.events).toEqual(expect.arrayContaining([
    "From 'New' to 'Commissioning'", "From 'Commissioning' to 'Ready'", "From 'Ready' to 'Allocated'",
    "From 'Allocated' to 'Ready'", "Tag 'amd-epyc' added",
  ]));
  expect(seen.events.some((d: string) => d.startsWith('lshw ('))).toBe(true);
}, 90_000);
