import { expect, test } from 'vitest';
import { client, enlist, testRegion, type Answer } from './helpers';
import { spawn } from 'node:child_process';
import { fetch } from 'undici';
import { plaintextHeader } from './helpers';

async function withStaticRange(call: ReturnType<typeof client>, uuid: string, low: string, high: string, name = 'eth1', net = '10.5.0') {
  const r = await call(`nodegroups/${uuid}/interfaces/`, {
    query: { op: 'new' },
    multipart: { name, interface: name, ip: `${net}.1`, subnet_mask: '255.255.255.0', management: '0', static_ip_range_low: low, static_ip_range_high: high },
  });
  expect(r.status, r.text).toBe(200);
}

test('ipaddresses: reserve (free or requested, with MAC), list, release; errors say why', async () => {
  const region = await testRegion();
  const admin = client(region);
  const alice = client(region, region.createApiKey('alice'));
  const uuid = region.core.nodegroupUuid;
  // IPAddressesHandler.reserve (MAAS 1.8 maasserver/api/ip_addresses.py): network or requested_address.
  const none = await alice('ipaddresses/', { query: { op: 'reserve' }, multipart: {} });
  expect([none.status, none.type, none.text]).toEqual([400, 'text/plain; charset=utf-8', 'Must supply either a network or a requested_address.']);
  expect((await alice('ipaddresses/', { query: { op: 'reserve' }, multipart: { network: '10.5.0.0/24' } })).problem).toMatch(/No network in MAAS matches/);
  await withStaticRange(admin, uuid, '10.5.0.1', '10.5.0.4');
  // 10.5.0.1 is the interface's own address: never handed out.
  const first = await alice('ipaddresses/', { query: { op: 'reserve' }, multipart: { network: '10.5.0.0/24', hostname: 'printer', mac: '52-54-00-AA-BB-01' } });
  expect(first.json()).toMatchObject({ alloc_type: 4, ip: '10.5.0.2', hostname: 'printer', mac_address: '52:54:00:aa:bb:01', resource_uri: '/MAAS/api/1.0/ipaddresses/' });
  expect((await alice('ipaddresses/', { query: { op: 'reserve' }, multipart: { requested_address: '10.5.0.4' } })).json().ip).toBe('10.5.0.4');
  const again = await admin('ipaddresses/', { query: { op: 'reserve' }, multipart: { requested_address: '10.5.0.4' } });
  expect(again.status).toBe(409);
  expect(again.problem).toMatch(/already in use/);
  expect((await admin('ipaddresses/', { query: { op: 'reserve' }, multipart: { network: '10.5.0.0/24' } })).json().ip).toBe('10.5.0.3');
  const full = await admin('ipaddresses/', { query: { op: 'reserve' }, multipart: { network: '10.5.0.0/24' } });
  expect(full.status).toBe(503);
  expect(full.problem).toMatch(/No more IP addresses/);
  for (const [form, status, msg] of [
    [{ network: '10.6.0.0/24' }, 400, /No network in MAAS matches 10.6.0.0\/24/],
    [{ network: '10.5.0.1/24' }, 400, /^network: .*CIDR/],
    [{ requested_address: '10.5.0.9' }, 400, /not inside a static IP range/],
    [{ requested_address: '10.5.0' }, 400, /^requested_address: .*not a valid IP/],
    [{ network: '10.5.0.0/24', hostname: 'bad_host!' }, 400, /^hostname:/],
    [{ network: '10.5.0.0/24', mac: 'zz:zz' }, 400, /^mac:/],
  ] as const) {
    const r = await alice('ipaddresses/', { query: { op: 'reserve' }, multipart: { ...form } });
    expect(r.status, JSON.stringify(form)).toBe(status);
    expect(r.problem).toMatch(msg);
  }
  expect((await alice('ipaddresses/')).json().map((i: { ip: string }) => i.ip)).toEqual(['10.5.0.2', '10.5.0.4']);
  expect((await admin('ipaddresses/')).json().map((i: { ip: string }) => i.ip)).toEqual(['10.5.0.3']);
  expect((await admin('ipaddresses/', { query: { op: 'release' }, multipart: { ip: '10.5.0.2' } })).status).toBe(404);
  expect((await alice('ipaddresses/', { query: { op: 'release' }, multipart: { ip: '10.5.0.2' } })).status).toBe(204);
  expect((await alice('ipaddresses/', { query: { op: 'release' }, multipart: { ip: '10.5.0.2' } })).status).toBe(404);
  expect((await alice('ipaddresses/', { query: { op: 'release' }, multipart: {} })).status).toBe(400);
  expect((await admin('ipaddresses/', { query: { op: 'reserve' }, multipart: { network: '10.5.0.0/24' } })).json().ip).toBe('10.5.0.2');
  // The static range cannot shrink away from reserved addresses.
  const shrink = await admin(`nodegroups/${uuid}/interfaces/eth1/`, { method: 'PUT', multipart: { static_ip_range_high: '10.5.0.3' } });
  expect(shrink.status).toBe(400);
  expect(shrink.problem).toMatch(/leaves reserved address\(es\) outside it: 10.5.0.4/);
});

test('ipaddresses: 60 concurrent reservations over 40 free addresses hand out each address once', async () => {
  const region = await testRegion();
  const keys = Array.from({ length: 4 }, (_, i) => client(region, region.createApiKey(`user${i}`)));
  await withStaticRange(client(region), region.core.nodegroupUuid, '10.5.0.10', '10.5.0.49');
  const answers = await Promise.all(Array.from({ length: 60 }, (_, i) =>
    keys[i % 4]('ipaddresses/', { query: { op: 'reserve' }, multipart: { network: '10.5.0.0/24' } })));
  const ok = answers.filter((a) => a.status === 200).map((a) => a.json().ip as string);
  expect(ok).toHaveLength(40);
  expect(new Set(ok).size).toBe(40);
  expect(answers.filter((a) => a.status === 503)).toHaveLength(20);
  // The same requested address, 20 times at once: exactly one wins.
  await Promise.all(ok.slice(0, 5).map((ip, i) => keys[i % 4]('ipaddresses/', { query: { op: 'release' }, multipart: { ip } })));
  const same = await Promise.all(Array.from({ length: 20 }, (_, i) =>
    keys[i % 4]('ipaddresses/', { query: { op: 'reserve' }, multipart: { requested_address: ok[0] } })));
  expect(same.filter((a) => a.status === 200)).toHaveLength(1);
  expect(same.filter((a) => a.status === 409)).toHaveLength(19);
});

test('ipaddresses: two region processes on one database never hand out the same address', async () => {
  const region = await testRegion();
  const dataDir = region.core.db.name.replace(/\/region\.db$/, '');
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/integration/region/region-child.ts', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const [url, key] = await new Promise<string[]>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c) => {
        out += c;
        if (out.includes('\n')) resolve(out.trim().split(' '));
      });
      child.on('exit', (code) => reject(new Error(`the second region exited (${code})`)));
    });
    const a = client(region);
    const b = async (path: string): Promise<Answer> => {
      const r = await fetch(`${url}${path}`, { method: 'POST', body: 'network=10.5.0.0%2F24',
        headers: { authorization: plaintextHeader(key), 'content-type': 'application/x-www-form-urlencoded' } });
      const bytes = Buffer.from(await r.arrayBuffer());
      return { status: r.status, type: '', text: bytes.toString(), bytes, problem: bytes.toString(), json: () => JSON.parse(bytes.toString()) };
    };
    await withStaticRange(a, region.core.nodegroupUuid, '10.5.0.10', '10.5.0.39');
    const answers: Answer[] = await Promise.all(Array.from({ length: 40 }, (_, i) =>
      (i % 2 ? a('ipaddresses/', { query: { op: 'reserve' }, multipart: { network: '10.5.0.0/24' } }) : b('ipaddresses/?op=reserve'))));
    const ok = answers.filter((r) => r.status === 200).map((r) => r.json().ip as string);
    expect(answers.filter((r) => r.status !== 200).map((r) => r.status)).toEqual(Array(10).fill(503));
    expect(ok.length).toBe(30);
    expect(new Set(ok).size).toBe(30);
  } finally {
    child.kill('SIGTERM');
  }
}, 60_000);

test('sticky IPs: nodes and devices claim from the static range and release; the node shows them', async () => {
  const region = await testRegion();
  const admin = client(region);
  const uuid = region.core.nodegroupUuid;
  const [sid] = await enlist(admin, 1);
  const noRange = await admin(`nodes/${sid}/`, { query: { op: 'claim_sticky_ip_address' }, multipart: {} });
  expect(noRange.status).toBe(503);
  await withStaticRange(admin, uuid, '10.5.0.20', '10.5.0.21');
  await admin(`nodegroups/${uuid}/interfaces/`, { query: { op: 'new' }, multipart: { name: 'eth2', interface: 'eth2', ip: '10.7.0.1',
    subnet_mask: '255.255.255.0', management: '1', ip_range_low: '10.7.0.100', ip_range_high: '10.7.0.200' } });
  const claimed = await admin(`nodes/${sid}/`, { query: { op: 'claim_sticky_ip_address' }, multipart: {} });
  expect(claimed.status, claimed.text).toBe(200);
  expect(claimed.json().ip_addresses).toEqual(['10.5.0.20']);
  expect((await admin('nodes/', { query: { op: 'list', id: sid } })).json()[0].ip_addresses).toEqual(['10.5.0.20']);
  expect((await admin(`nodes/${sid}/`, { query: { op: 'claim_sticky_ip_address' }, multipart: { mac_address: '00:00:00:00:00:01' } })).status).toBe(400);
  expect((await admin(`nodes/${sid}/`, { query: { op: 'claim_sticky_ip_address' }, multipart: { requested_address: '10.5.0.21' } })).status).toBe(409);

  const dev = (await admin('devices/', { query: { op: 'new' }, multipart: { mac_addresses: '52:54:00:dd:00:01', hostname: 'cam' } })).json();
  expect((await admin(`devices/${dev.system_id}/`, { query: { op: 'claim_sticky_ip_address' }, multipart: { requested_address: '10.7.0.150' } })).status).toBe(503);
  expect((await admin(`devices/${dev.system_id}/`, { query: { op: 'claim_sticky_ip_address' }, multipart: { requested_address: '10.5.0.20' } })).status).toBe(503);
  const devClaim = await admin(`devices/${dev.system_id}/`, { query: { op: 'claim_sticky_ip_address' }, multipart: { requested_address: '192.168.9.9' } });
  expect(devClaim.json().ip_addresses).toEqual(['192.168.9.9']);
  // The address is taken for reservations too.
  expect((await admin('ipaddresses/', { query: { op: 'reserve' }, multipart: { network: '10.5.0.0/24' } })).json().ip).toBe('10.5.0.21');

  expect((await admin(`nodes/${sid}/`, { query: { op: 'release_sticky_ip_address' }, multipart: { address: '10.5.0.99' } })).status).toBe(400);
  const released = await admin(`nodes/${sid}/`, { query: { op: 'release_sticky_ip_address' }, multipart: {} });
  expect(released.json().ip_addresses).toEqual([]);
  // A sticky IP goes with its MAC.
  const again = await admin(`nodes/${sid}/`, { query: { op: 'claim_sticky_ip_address' }, multipart: {} });
  const nodeMac = again.json().macaddress_set[0].mac_address;
  expect(again.json().ip_addresses).toEqual(['10.5.0.20']);
  expect((await admin(`nodes/${sid}/macs/${nodeMac}/`, { method: 'DELETE' })).status).toBe(204);
  expect((await admin(`nodes/${sid}/`)).json().ip_addresses).toEqual([]);
  expect((await admin(`devices/${dev.system_id}/`, { method: 'DELETE' })).status).toBe(204);
  expect(region.core.db.prepare("SELECT count(*) AS n FROM static_ips WHERE ip = '192.168.9.9'").get()).toEqual({ n: 0 });
});
