// A few thousand random requests — random paths, methods, ops, parameters, bodies and
// credentials — must never get a 5xx (other than the documented 503 of power actions with
// no driver) nor crash the region. Seeded, so a failure can be replayed.
import { expect, test } from 'vitest';
import { client, enlist, testRegion } from './helpers';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

test('3,000 random requests: no unexpected 5xx, no crash', async () => {
  const region = await testRegion({ maxBodyBytes: 256 * 1024, log: () => undefined });
  const admin = client(region);
  const ids = await enlist(admin, 3);
  await admin('tags/', { query: { op: 'new' }, form: { name: 't1' } });
  const keys = [region.createApiKey(), region.createApiKey('bob'), null, 'bad:key:here'];
  const rand = rng(Number(process.env.FUZZ_SEED ?? 20261123));
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const junk = () => pick(['', 'x', '0', '-1', '1e309', 'true', '%', '\u0000', '../../etc', '<a>', 'ñ', '9'.repeat(30), ids[0], 'aa:bb:cc:dd:ee:ff',
    'amd64/generic', '//node', '(', 'default', 't1', 'ipmi', 'x'.repeat(3000)]);
  const paths = ['nodes/', `nodes/${ids[0]}/`, `nodes/${ids[1]}/macs/`, `nodes/${ids[2]}/macs/aa:bb:cc:dd:ee:ff/`, 'nodes/node-x/',
    'tags/', 'tags/t1/', 'tags/%2e%2e/', 'events/', 'zones/', 'zones/default/', 'maas/', 'users/', 'users/admin/', 'files/', 'files/x/',
    'account/', 'account/prefs/sshkeys/', 'account/prefs/sshkeys/1/', 'devices/', 'devices/x/', 'nodegroups/', 'nodegroups/x/',
    'describe/', 'version/', '', 'nodes/a/b/c/d/e/', 'networks/', 'networks/n1/', 'ipaddresses/', 'boot-sources/', 'boot-sources/1/',
    'boot-sources/1/selections/', 'boot-resources/', 'commissioning-scripts/', 'commissioning-scripts/s1/', 'license-keys/',
    'account/prefs/sslkeys/', 'installation-results/', 'nodegroups/x/interfaces/', 'nodegroups/x/boot-images/'];
  const ops = ['list', 'new', 'accept', 'accept_all', 'release', 'acquire', 'set_zone', 'deployment_status', 'list_allocated',
    'power_parameters', 'check_commissioning', 'details', 'set_details', 'commission', 'start', 'stop', 'mark_broken', 'mark_fixed',
    'abort_operation', 'query_power_state', 'nodes', 'rebuild', 'update_nodes', 'query', 'get_config', 'set_config', 'get', 'get_by_key',
    'add', 'delete', 'reserve', 'release', 'import', 'connect_macs', 'probe_and_enlist_hardware', 'report_download_progress',
    'claim_sticky_ip_address', 'create_authorisation_token', 'delete_authorisation_token', 'describe_power_types', 'list_nodes', 'nope', ''];
  const names = ['nodes', 'id', 'hostname', 'mac_address', 'mac_addresses', 'architecture', 'zone', 'name', 'value', 'definition', 'add',
    'remove', 'level', 'limit', 'after', 'before', 'tags', 'not_tags', 'cpu_count', 'mem', 'connected_to', 'networks', 'power_type',
    'power_parameters_power_pass', 'power_parameters', 'swap_size', 'lshw', 'lldp', 'filename', 'key', 'token_key', 'system_ids', 'uuid', 'op',
    'ip', 'netmask', 'vlan_tag', 'requested_address', 'network', 'content', 'script', 'osystem', 'distro_series', 'url', 'model'];
  const unexpected: string[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < 3000; i++) {
    const method = pick(['GET', 'POST', 'PUT', 'DELETE'] as const);
    const params: Record<string, string[]> = {};
    for (let n = Math.floor(rand() * 5); n > 0; n--) (params[pick(names)] ??= []).push(junk());
    const op = pick(ops);
    const body = rand();
    const path = pick(paths);
    const c = client(region, pick(keys));
    const r = await c(path, {
      method,
      query: { ...(op ? { op } : {}), ...(method === 'GET' || method === 'DELETE' ? params : {}) },
      ...(method === 'POST' || method === 'PUT'
        ? body < 0.45 ? { form: params } : body < 0.9 ? { multipart: params }
          : { body: Buffer.from(Array.from({ length: 64 }, () => Math.floor(rand() * 256))), headers: { 'content-type': pick(['multipart/form-data; boundary=q', 'text/plain', 'application/x-www-form-urlencoded']) } }
        : {}),
    });
    seen.add(r.status);
    const powerAnswer = r.status === 503 && /power|Power/.test(r.text);
    if (r.status >= 500 && !powerAnswer) unexpected.push(`${method} ${path} op=${op} ${JSON.stringify(params).slice(0, 200)} → ${r.status} ${r.text.slice(0, 200)}`);
  }
  expect(unexpected).toEqual([]);
  expect([...seen]).toEqual(expect.arrayContaining([200, 400, 401, 403, 404])); // it reached the handlers
  expect((await admin('version/')).status).toBe(200);
  expect((await admin('nodes/', { query: { op: 'list' } })).status).toBe(200);
}, 180_000);
