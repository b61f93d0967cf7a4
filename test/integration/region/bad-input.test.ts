// Bad input gets a clear 4xx and changes nothing: malformed multipart, oversize bodies,
// unsupported content types, cut-off uploads.
import { connect } from 'node:net';
import { describe, expect, test } from 'vitest';
import type { RunningRegion } from '../../../src-main/region/start-region';
import { client, enlist, plaintextHeader, testRegion } from './helpers';

/** Counts that must not move when a request is refused. */
const snapshot = (r: RunningRegion) =>
  r.core.db.prepare('SELECT (SELECT count(*) FROM nodes) AS nodes, (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM macs) AS macs, (SELECT count(*) FROM node_details) AS details').get();

/** A raw HTTP/1.1 exchange, for bodies no well-behaved client would send. */
function raw(region: RunningRegion, request: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = connect(region.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    s.on('data', (c) => chunks.push(c));
    s.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
    s.on('error', (e) => (chunks.length ? resolve(Buffer.concat(chunks).toString('latin1')) : reject(e)));
    s.write(request);
  });
}

describe('bad input', () => {
  test('malformed multipart: 400 naming the problem, nothing created', async () => {
    const region = await testRegion();
    const call = client(region);
    await enlist(call, 1);
    const before = snapshot(region);
    const auth = plaintextHeader(region.createApiKey());
    const cases = [
      { type: 'multipart/form-data; boundary=XYZ', body: '--XYZ\r\nContent-Disposition: form-data; name="architecture"\r\n\r\namd64' }, // no closing boundary
      { type: 'multipart/form-data', body: 'whatever' }, // no boundary
      { type: 'multipart/form-data; boundary=XYZ', body: 'garbage without any boundary' },
    ];
    for (const c of cases) {
      const res = await fetch(`${region.url}nodes/?op=new`, { method: 'POST', headers: { authorization: auth, 'content-type': c.type }, body: c.body });
      expect(res.status, c.body).toBe(400);
      expect(await res.text()).toMatch(/multipart|architecture|mac_addresses/i);
    }
    const json = await fetch(`${region.url}nodes/?op=new`, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: '{}' });
    expect(json.status).toBe(415);
    expect(snapshot(region)).toEqual(before);
  });

  test('bodies over the limit: 413, declared or streamed, and nothing stored', async () => {
    const region = await testRegion({ maxBodyBytes: 64 * 1024 });
    const call = client(region);
    const [id] = await enlist(call, 1);
    const before = snapshot(region);
    const big = `<node>${'x'.repeat(100 * 1024)}</node>`;
    const r = await call(`nodes/${id}/`, { query: { op: 'set_details' }, multipart: { lshw: { file: big } } });
    expect(r.status).toBe(413);
    expect(r.text).toMatch(/too large: the limit is 65536 bytes/);
    const form = await call('nodes/', { query: { op: 'new' }, form: { architecture: 'amd64', mac_addresses: '52:54:00:00:00:99', hostname: 'x'.repeat(70_000) } });
    expect(form.status).toBe(413);
    // Chunked, no Content-Length: the limit still holds.
    const auth = plaintextHeader(region.createApiKey());
    const chunk = 'a=' + 'b'.repeat(40_000);
    const answer = await raw(region, `POST /MAAS/api/1.0/nodes/?op=new HTTP/1.1\r\nHost: 127.0.0.1:${region.port}\r\nAuthorization: ${auth}\r\n` +
      `Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n` +
      `${chunk.length.toString(16)}\r\n${chunk}\r\n${chunk.length.toString(16)}\r\n${chunk}\r\n0\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(snapshot(region)).toEqual(before);
    expect((await call('version/')).status).toBe(200);
  });

  test('a request whose body is cut off changes nothing, and the region keeps serving', async () => {
    const region = await testRegion();
    const call = client(region);
    const before = snapshot(region);
    const auth = plaintextHeader(region.createApiKey());
    const socket = connect(region.port, '127.0.0.1');
    await new Promise((r) => socket.on('connect', r));
    socket.write(`POST /MAAS/api/1.0/nodes/?op=new HTTP/1.1\r\nHost: 127.0.0.1:${region.port}\r\nAuthorization: ${auth}\r\n` +
      'Content-Type: multipart/form-data; boundary=B\r\nContent-Length: 5000\r\n\r\n--B\r\nContent-Disposition: form-data; name="architecture"\r\n\r\namd64\r\n');
    socket.destroy();
    await new Promise((r) => setTimeout(r, 100));
    expect(snapshot(region)).toEqual(before);
    expect((await call('nodes/', { query: { op: 'list' } })).status).toBe(200);
  });

  test('bad percent-encoding and odd methods are 4xx', async () => {
    const region = await testRegion();
    const auth = plaintextHeader(region.createApiKey());
    expect(await raw(region, `GET /MAAS/api/1.0/nodes/%E0%A4%A/ HTTP/1.1\r\nHost: 127.0.0.1:${region.port}\r\nAuthorization: ${auth}\r\nConnection: close\r\n\r\n`)).toMatch(/^HTTP\/1\.1 400/);
    expect(await raw(region, `PATCH /MAAS/api/1.0/nodes/ HTTP/1.1\r\nHost: 127.0.0.1:${region.port}\r\nConnection: close\r\n\r\n`)).toMatch(/^HTTP\/1\.1 405/);
    expect(await raw(region, `GET /elsewhere HTTP/1.1\r\nHost: 127.0.0.1:${region.port}\r\nConnection: close\r\n\r\n`)).toMatch(/^HTTP\/1\.1 404/);
  });
});
