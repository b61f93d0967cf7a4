// A web page in the technician's browser attacking the region on 127.0.0.1: a cross-origin
// "simple" form POST (no preflight) and DNS rebinding (the page's own name resolved to
// 127.0.0.1, so Host carries it). Both are refused before anything is read or stored.
import { request } from 'node:http';
import { expect, test } from 'vitest';
import type { RunningRegion } from '../../../src-main/region/start-region';
import { plaintextHeader, testRegion } from './helpers';

const nodeCount = (r: RunningRegion) => (r.core.db.prepare('SELECT count(*) AS n FROM nodes').get() as { n: number }).n;

interface Raw { status: number; type: string; text: string }

/** node:http, so the test sets Host and Origin exactly as a browser would. */
function raw(port: number, path: string, o: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    // setHost: false: no Host header unless the test gives one.
    const req = request({ host: '127.0.0.1', port, path, method: o.method ?? 'GET', headers: o.headers, setHost: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), text }));
    });
    req.on('error', reject);
    req.end(o.body);
  });
}

const hostileEnlist = new URLSearchParams({
  architecture: 'amd64/generic', mac_addresses: '52:54:00:aa:bb:01', power_type: 'virsh',
  power_parameters_power_address: 'qemu+ext:///system?command=/tmp/never-run', power_parameters_power_id: 'x',
}).toString();

test('a cross-origin simple POST (form-encoded, Origin: http://evil.example) is refused with 403 and stores nothing', async () => {
  const region = await testRegion();
  const r = await raw(region.port, '/MAAS/api/1.0/nodes/?op=new', {
    method: 'POST', body: hostileEnlist,
    headers: { host: `127.0.0.1:${region.port}`, origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect(r.status).toBe(403);
  expect(r.text).toMatch(/came from a web page \(it carries an Origin header\)/);
  expect(nodeCount(region)).toBe(0);
});

test('any Origin is refused, even "null" or the region\'s own, and signed requests too; Sec-Fetch-Site marks a page', async () => {
  const region = await testRegion();
  const auth = plaintextHeader(region.createApiKey());
  const host = `127.0.0.1:${region.port}`;
  for (const origin of ['null', `http://${host}`, 'http://localhost']) {
    const r = await raw(region.port, '/MAAS/api/1.0/nodes/?op=list', { headers: { host, origin, authorization: auth } });
    expect(r.status, origin).toBe(403);
  }
  const page = await raw(region.port, '/MAAS/api/1.0/nodes/?op=list', { headers: { host, 'sec-fetch-site': 'cross-site', authorization: auth } });
  expect(page.status).toBe(403);
  const typed = await raw(region.port, '/MAAS/api/1.0/nodes/?op=list', { headers: { host, 'sec-fetch-site': 'none', authorization: auth } });
  expect(typed.status).toBe(200);
});

test('DNS rebinding (Host: evil.example:PORT) is refused with 421 and stores nothing', async () => {
  const region = await testRegion();
  const r = await raw(region.port, '/MAAS/api/1.0/nodes/?op=new', {
    method: 'POST', body: hostileEnlist,
    headers: { host: `evil.example:${region.port}`, 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect(r.status).toBe(421);
  expect(r.text).toMatch(/not served under the name "evil\.example:\d+"/);
  expect(nodeCount(region)).toBe(0);
  for (const host of ['evil.example', `127.0.0.1:${region.port + 1}`, `127.0.0.2:${region.port}`]) {
    expect((await raw(region.port, '/MAAS/api/1.0/version/', { headers: { host } })).status, host).toBe(421);
  }
  // No Host at all: node:http itself answers 400 to an HTTP/1.1 request without one.
  expect([400, 421]).toContain((await raw(region.port, '/MAAS/api/1.0/version/')).status);
});

test('on loopback, 127.0.0.1, localhost and [::1] with the port are served', async () => {
  const region = await testRegion();
  for (const host of [`127.0.0.1:${region.port}`, `localhost:${region.port}`, `[::1]:${region.port}`, `LOCALHOST:${region.port}`]) {
    expect((await raw(region.port, '/MAAS/api/1.0/version/', { headers: { host } })).status, host).toBe(200);
  }
});

test('with --host, the served names are the loopback names (when bound to every address) and the listed names; a PLAINTEXT warning is logged', async () => {
  const logged: string[] = [];
  const region = await testRegion({ host: '0.0.0.0', serverNames: ['console.lab', 'Tech-Laptop'], log: (t) => logged.push(t) });
  expect(region.url).toBe(`http://127.0.0.1:${region.port}/MAAS/api/1.0/`);
  for (const host of ['console.lab', 'tech-laptop', '127.0.0.1']) {
    expect((await raw(region.port, '/MAAS/api/1.0/version/', { headers: { host: `${host}:${region.port}` } })).status, host).toBe(200);
  }
  expect((await raw(region.port, '/MAAS/api/1.0/version/', { headers: { host: `evil.example:${region.port}` } })).status).toBe(421);
  expect(logged.join('\n')).toMatch(/WARNING: listening on 0\.0\.0\.0.*plain HTTP.*API keys/);
});

test('on loopback no warning is logged', async () => {
  const logged: string[] = [];
  await testRegion({ log: (t) => logged.push(t) });
  expect(logged.join('\n')).not.toMatch(/WARNING/);
});
