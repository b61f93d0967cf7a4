// Random requests at the second half of the MAAS 1.8 API (networks, cluster and interfaces, IP
// addresses, sticky IPs, boot sources/resources, scripts, results, license and SSL keys):
// never a 5xx other than their documented 503s, and a refused request (4xx) changes nothing
// in any table. Seeded (FUZZ_SEED), so a failure can be replayed.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { client, enlist, testRegion } from './helpers';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

const TABLES = ['networks', 'network_macs', 'cluster_interfaces', 'static_ips', 'download_progress', 'boot_sources', 'boot_source_selections',
  'boot_resources', 'commissioning_scripts', 'license_keys', 'ssl_keys', 'nodes', 'macs', 'config'];

test('2,500 random requests at the second half of the MAAS 1.8 API: documented 503s only, refusals change nothing', async () => {
  const region = await testRegion({ maxBodyBytes: 256 * 1024 });
  const admin = client(region);
  const uuid = region.core.nodegroupUuid;
  const [sid] = await enlist(admin, 1);
  const mac = (await admin(`nodes/${sid}/`)).json().macaddress_set[0].mac_address;
  await admin(`nodegroups/${uuid}/interfaces/`, { query: { op: 'new' }, multipart: { name: 'eth0', interface: 'eth0', ip: '10.0.0.1',
    subnet_mask: '255.255.255.0', management: '1', ip_range_low: '10.0.0.100', ip_range_high: '10.0.0.200', static_ip_range_low: '10.0.0.10', static_ip_range_high: '10.0.0.20' } });
  await admin('networks/', { multipart: { name: 'n1', ip: '10.0.0.0', netmask: '255.255.255.0' } });
  const db = region.core.db;
  // Every column of every row: any change shows.
  const rowsOf = (t: string) => (db.prepare(`SELECT * FROM ${t}`).raw(true).all() as unknown[][]).map((r) => JSON.stringify(r)).sort();
  const state = () => createHash('sha256').update(JSON.stringify(TABLES.map(rowsOf))).digest('hex');
  const adminKey = region.createApiKey();
  const keys = [adminKey, adminKey, adminKey, adminKey, region.createApiKey('bob'), null, 'bad:key:here'];
  const rand = rng(Number(process.env.FUZZ_SEED ?? 20261124));
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const cert = readFileSync('test/fixtures/ssl/cert.pem', 'utf8');
  const junk = () => pick(['', 'x', '0', '1', '2', '-1', '4095', '0xffe', '1e309', 'true', '%', '\u0000', '../../etc', 'ñ', '9'.repeat(30),
    '10.0.0.0', '10.0.0.15', '10.0.0.150', '10.0.0.0/24', '10.0.0.5/24', '10.1.0.0', '255.255.255.0', '255.0.255.0', '::1', '2001:db8::/64',
    'fe80::1', 'ffff:ffff:ffff:ffff::', '300.1.1.1', mac, 'aa:bb:cc:dd:ee:ff', sid, 'eth0', 'eth1', 'n1', 'n-2', 'bad name', 'windows',
    'win2012r2', 'ABCDE-FGHIJ-KLMNO-PQRST-UVWXY', 'ubuntu', 'trusty', 'amd64/generic', 'amd64', 'tgz', 'ddtgz', 'http://mirror/x/',
    'file:///k', '/usr/share/k.gpg', 'AAAA', cert, 'virsh', 'ucsm', 'test:///nonexistent', 'lab-', 'x'.repeat(3000)]);
  const paths = ['networks/', 'networks/n1/', 'networks/nope/', `nodegroups/${uuid}/`, `nodegroups/${uuid}/interfaces/`,
    `nodegroups/${uuid}/interfaces/eth0/`, `nodegroups/${uuid}/interfaces/x/`, `nodegroups/${uuid}/boot-images/`, 'nodegroups/x/interfaces/',
    'ipaddresses/', `nodes/${sid}/`, 'boot-sources/', 'boot-sources/1/', 'boot-sources/1/selections/', 'boot-sources/1/selections/1/',
    'boot-sources/x/selections/', 'boot-resources/', 'boot-resources/1/', 'commissioning-scripts/', 'commissioning-scripts/10-x',
    'installation-results/', 'license-keys/', 'license-key/windows/win2012r2', 'license-key/x/y', 'account/prefs/sslkeys/',
    'account/prefs/sslkeys/1/', 'account/prefs/sslkeys/x/'];
  const ops = ['list', 'new', 'reserve', 'release', 'connect_macs', 'disconnect_macs', 'list_connected_macs', 'report_download_progress',
    'import_boot_images', 'probe_and_enlist_hardware', 'probe_and_enlist_ucsm', 'probe_and_enlist_mscm', 'claim_sticky_ip_address',
    'release_sticky_ip_address', 'import', 'delete', 'details', 'list_nodes', 'nope', '', '', ''];
  const names = ['name', 'ip', 'netmask', 'vlan_tag', 'description', 'default_gateway', 'dns_servers', 'macs', 'node', 'interface',
    'management', 'subnet_mask', 'broadcast_ip', 'router_ip', 'ip_range_low', 'ip_range_high', 'static_ip_range_low', 'static_ip_range_high',
    'network', 'requested_address', 'hostname', 'mac', 'mac_address', 'address', 'filename', 'size', 'bytes_downloaded', 'error', 'model',
    'power_address', 'prefix_filter', 'accept_all', 'url', 'keyring_filename', 'keyring_data', 'os', 'release', 'arches', 'subarches',
    'labels', 'title', 'architecture', 'filetype', 'content', 'osystem', 'distro_series', 'license_key', 'key', 'system_id', 'result_type',
    'cluster_name', 'status', 'type'];
  const documented503 = /cannot import boot images|No more IP addresses|No IP address is left|dynamic \(DHCP\) range|already allocated|virsh|power/;
  const unexpected: string[] = [];
  const seen = new Map<number, number>();
  let before = state();
  for (let i = 0; i < 2500; i++) {
    const method = pick(['GET', 'POST', 'POST', 'PUT', 'DELETE'] as const);
    const params: Record<string, string[]> = {};
    for (let n = 1 + Math.floor(rand() * 6); n > 0; n--) (params[pick(names)] ??= []).push(junk());
    const op = pick(ops);
    const path = pick(paths);
    const r = await client(region, pick(keys))(path, {
      method,
      query: { ...(op ? { op } : {}), ...(method === 'GET' || method === 'DELETE' ? params : {}) },
      ...(method === 'POST' || method === 'PUT' ? (rand() < 0.5 ? { form: params } : { multipart: params }) : {}),
    });
    seen.set(r.status, (seen.get(r.status) ?? 0) + 1);
    const what = `${method} ${path} op=${op} ${JSON.stringify(params).slice(0, 300)} → ${r.status} ${r.text.slice(0, 200)}`;
    if (r.status >= 500 && !(r.status === 503 && documented503.test(r.text))) unexpected.push(what);
    const after = state();
    if (r.status >= 400 && after !== before) unexpected.push(`changed state: ${what}`);
    before = after;
  }
  expect(unexpected).toEqual([]);
  // The random walk reached success and every kind of refusal.
  for (const s of [200, 204, 400, 401, 403, 404]) expect(seen.get(s) ?? 0, `status ${s}: ${JSON.stringify([...seen])}`).toBeGreaterThan(0);
  expect((await admin('networks/')).status).toBe(200);
}, 240_000);
