// The client against a MAAS server that is hostile or broken (test/support/hostile-maas.ts,
// raw TCP): answers too large, endless, dripping or stalled; Retry-After forever; JSON nested
// 100,000 deep; machines that are not objects; a huge 409; BSON bombs and XML entities in
// details; a redirect to another host. Each call ends, with an error naming what the server
// sent and that it was not read, and reads no more than its limit (checked by what the
// server managed to write, never by timing).
import { afterEach, expect, test, vi } from 'vitest';
import { createMaasClient, type ClientOptions, type MaasClient } from '../../../src-main/maas-client/index';
import { asApi2, machine } from '../../support/maas-replay-fixtures';
import { endless, startHostileMaas, type Answerer, type HostileRequest } from '../../support/hostile-maas';

vi.setConfig({ testTimeout: 60_000 });

const KEY = 'ck:tk:ts';
const MiB = 1024 * 1024;
/** What loopback socket buffers may hold beyond what the client read (both sides' kernel buffers). */
const SOCKET_SLACK = 32 * MiB;
const open: { close(): Promise<void> }[] = [];
afterEach(async () => { for (const c of open.splice(0).reverse()) await c.close(); });

async function serve(script: (r: HostileRequest, a: Answerer) => Promise<void> | void, o: Partial<ClientOptions> = {}, host?: string) {
  const s = await startHostileMaas(script, host);
  open.push(s);
  const waits: number[] = [];
  const c: MaasClient = createMaasClient({
    root: s.root, apiVersion: '2.0', apiKey: KEY, label: 'lab', retries: 0, sleep: async (ms) => { waits.push(ms); }, ...o,
  });
  open.push(c);
  return { s, c, waits };
}
const good = (n: number) => asApi2(machine(n, 4), '/MAAS/api/2.0/');
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

test('a node list declared at 2.1 GiB is refused before any of it is read, saying what was sent', async () => {
  const { s, c } = await serve(async (_r, a) => {
    await a.head(200, { 'content-type': 'application/json', 'content-length': '2254857830' });
    await endless(a, Buffer.alloc(64 * 1024, 0x20));
  });
  const e = await c.listNodes().catch((x) => x);
  expect(e).toMatchObject({ code: 'MAAS_ERR_ANSWER_TOO_LARGE', declaredBytes: 2254857830, readBytes: 0, limitBytes: 256 * MiB });
  expect(e.message).toMatch(/^lab \(.*\): GET machines\/: the server answered 2\.1 GiB for the node list; refused past 256 MiB \(nothing of it was read\)$/);
  expect(s.written()).toBeLessThan(SOCKET_SLACK);
});

test('a node list that never ends (no length) is read up to its limit and no further', async () => {
  const { s, c } = await serve(async (_r, a) => {
    await a.head(200, { 'content-type': 'application/json', connection: 'close' });
    await a.write('[');
    await endless(a, Buffer.from(`${JSON.stringify(good(1))},`.repeat(20)));
  }, { limits: { bytes: { 'node list': 4 * MiB } } });
  const e = await c.listNodes().catch((x) => x);
  expect(e).toMatchObject({ code: 'MAAS_ERR_ANSWER_TOO_LARGE', declaredBytes: null, limitBytes: 4 * MiB });
  expect(e.message).toMatch(/answered more than 4 MiB for the node list; refused past 4 MiB \(stopped reading after 4(\.\d)? MiB\)/);
  expect(e.readBytes).toBeLessThanOrEqual(4 * MiB + 256 * 1024);
  expect(s.written()).toBeLessThan(4 * MiB + SOCKET_SLACK);
});

test('an endless answer to a small call stops at the default 1 MiB', async () => {
  const { s, c } = await serve(async (_r, a) => {
    await a.head(200, { 'content-type': 'application/json', connection: 'close' });
    await endless(a, Buffer.alloc(64 * 1024, 0x20));
  });
  await expect(c.version()).rejects.toMatchObject({ code: 'MAAS_ERR_ANSWER_TOO_LARGE', limitBytes: MiB, message: expect.stringMatching(/for a short answer; refused past 1 MiB/) });
  expect(s.written()).toBeLessThan(MiB + SOCKET_SLACK);
});

test('a body dripping a byte at a time ends at the call\'s deadline, though no idle timer fires', async () => {
  const { c } = await serve(async (_r, a) => {
    await a.head(200, { 'content-type': 'application/json', 'content-length': '100000' });
    while (!a.gone()) { await a.write(' '); await a.pause(50); }
  }, { timeoutMs: 10_000, limits: { deadlineMs: 1500 } });
  await expect(c.listZones()).rejects.toMatchObject({
    code: 'MAAS_ERR_DEADLINE', message: expect.stringMatching(/GET zones\/: no whole answer within 1\.5 s \(retries and waits included\)/),
  });
});

test('headers that never end, and 102 Processing every 200 ms, end at the deadline too', async () => {
  const slowHeaders = await serve(async (_r, a) => {
    await a.write('HTTP/1.1 200 OK\r\n');
    for (let i = 0; !a.gone(); i++) { await a.write(`X-Still-${i}: going\r\n`); await a.pause(100); }
  }, { timeoutMs: 10_000, limits: { deadlineMs: 1500 } });
  await expect(slowHeaders.c.listZones()).rejects.toMatchObject({ code: 'MAAS_ERR_DEADLINE' });
  const processing = await serve(async (_r, a) => {
    while (!a.gone()) { await a.write('HTTP/1.1 102 Processing\r\n\r\n'); await a.pause(200); }
  }, { timeoutMs: 500, limits: { deadlineMs: 1500 } });
  // Each 102 restarts undici's idle timer (500 ms here), so only the deadline ends the call.
  await expect(processing.c.listZones()).rejects.toMatchObject({ code: 'MAAS_ERR_DEADLINE' });
});

test('Retry-After forever is waited for only within the call\'s budget, then reported', async () => {
  const { s, c, waits } = await serve((_r, a) => a.reply(503, 'Region is busy', { 'retry-after': '20', 'content-type': 'text/plain' }), { retries: 50 });
  const e = await c.listZones().catch((x) => x);
  expect(waits).toEqual([20_000, 20_000, 20_000]);
  expect(s.requests).toHaveLength(4);
  expect(e).toMatchObject({ code: 'MAAS_ERR_STATUS', status: 503 });
  expect(e.message).toMatch(/HTTP 503 Service Unavailable — Region is busy \(asked to retry in 20 s after 60 s of waiting; a call waits at most 60 s in all\)/);
});

test('JSON nested 100,000 deep is refused before it is parsed, in a machine\'s tag_names and in capabilities', async () => {
  const deepTags = `[${JSON.stringify(good(1)).replace('"tag_names": []', `"tag_names": ${nested(100_000)}`).replace('"tag_names":[]', `"tag_names":${nested(100_000)}`)}]`;
  expect(deepTags.length).toBeGreaterThan(200_000);
  const { c } = await serve((r, a) => (r.path.endsWith('/version/')
    ? a.reply(200, `{"version": "3.4.0", "capabilities": ${nested(100_000)}}`)
    : a.reply(200, deepTags)));
  await expect(c.listNodes()).rejects.toMatchObject({
    code: 'MAAS_ERR_MALFORMED_ANSWER', message: expect.stringMatching(/GET machines\/: the server answered 200 with JSON that was not read: it nests arrays or objects more than 64 deep/),
  });
  await expect(c.version()).rejects.toMatchObject({ code: 'MAAS_ERR_MALFORMED_ANSWER' });
});

test('a list with machines that are not machines is refused whole, naming the first bad entry', async () => {
  const { c } = await serve((_r, a) => a.reply(200, JSON.stringify([good(1), 'm00002', 42, null, { hostname: 'no id' }])));
  const e = await c.listNodes().catch((x) => x);
  expect(e.code).toBe('MAAS_ERR_MALFORMED_ANSWER');
  expect(e.message).toMatch(/GET machines\/: the server's answer is not the node list, so it was not used: entry 1: expected object, received string \(and 3 more problems\)/);
  const typed = await serve((_r, a) => a.reply(200, JSON.stringify([good(1), { ...good(2), tag_names: { a: 1 } }])));
  await expect(typed.c.listNodes()).rejects.toMatchObject({ message: expect.stringMatching(/entry 1 \("m00002"\) › tag_names: expected array, received object/) });
  const one = await serve((_r, a) => a.reply(200, '"not a machine"'));
  await expect(one.c.getNode('m00001')).rejects.toMatchObject({ message: expect.stringMatching(/is not a node, so it was not used: expected object, received string/) });
});

test('a 200 MiB 409 answer to a bulk release is read for its first 256 KiB only', async () => {
  const head = 'Node(s) cannot be released in their current state: m00002 (\'Deployed\'). ';
  const { s, c } = await serve(async (_r, a) => {
    await a.head(409, { 'content-type': 'text/plain', 'content-length': String(200 * MiB) });
    await a.write(head);
    await endless(a, Buffer.alloc(64 * 1024, 0x78), 200 * MiB);
  });
  const out = await c.releaseNodes(['m00001', 'm00002']);
  expect(out).toMatchObject({ status: 409, refused: ['m00002'] });
  expect(out.reasons.m00002.length).toBeLessThan(400);
  expect(s.written()).toBeLessThan(256 * 1024 + SOCKET_SLACK);
  // An error no caller handles carries the start of the text, folded and cut.
  const other = await serve(async (_r, a) => {
    await a.head(500, { 'content-type': 'text/plain', connection: 'close' });
    await endless(a, Buffer.from('Traceback (most recent call last):\n  '.repeat(1000)), 50 * MiB);
  });
  const e = await other.c.listZones().catch((x) => x);
  expect(e).toMatchObject({ code: 'MAAS_ERR_STATUS', status: 500 });
  expect(e.body.length).toBeLessThanOrEqual(400);
  expect(other.s.written()).toBeLessThan(256 * 1024 + SOCKET_SLACK);
});

test('a redirect to another host is reported, not followed: the key never reaches that host', async () => {
  const elsewhere = await startHostileMaas((_r, a) => a.reply(200, '[]'), '127.0.0.2');
  open.push(elsewhere);
  const { c } = await serve((r, a) => a.reply(302, '', { location: `http://127.0.0.2:${elsewhere.port}${r.target}` }));
  const e = await c.listZones().catch((x) => x);
  expect(e).toMatchObject({ code: 'MAAS_ERR_STATUS', status: 302 });
  expect(e.message).toMatch(/GET zones\/: HTTP 302 \(a redirect to http:\/\/127\.0\.0\.2:\d+\/MAAS\/api\/2\.0\/zones\/: not followed\)/);
  expect(elsewhere.requests).toHaveLength(0);
});

/** A BSON document of the given top-level elements (type, name, value bytes). */
function bsonDoc(elements: [number, string, Buffer][]): Buffer {
  const body = Buffer.concat(elements.map(([type, name, value]) => Buffer.concat([Buffer.from([type]), Buffer.from(`${name}\0`), value])));
  const out = Buffer.alloc(4 + body.length + 1);
  out.writeInt32LE(out.length, 0);
  body.copy(out, 4);
  return out;
}
const binary = (text: string) => { const b = Buffer.from(text); const h = Buffer.alloc(5); h.writeInt32LE(b.length, 0); return Buffer.concat([h, b]); };
/** An embedded document nested `depth` deep ({a: {a: … {}}}), built from the inside out in one buffer. */
function nestedDoc(depth: number): Buffer {
  const size = 5 + depth * 8; // each level: int32 length, type 0x03, "a\0", …, 0x00
  const b = Buffer.alloc(size);
  for (let level = 0, at = 0; level <= depth; level++) {
    const len = size - level * 8;
    b.writeInt32LE(len, at);
    b[at + len - 1] = 0;
    if (level < depth) { b[at + 4] = 0x03; b[at + 5] = 0x61; b[at + 6] = 0; at += 7; }
  }
  return b;
}

test('BSON bombs in details: a million empty fields refused at once, a 100,000-deep field stepped over', async () => {
  const lshw = '<?xml version="1.0"?><node id="box" class="system"><vendor>Acme</vendor></node>';
  // A million null fields named "a": 3 bytes each in BSON, a property each once decoded.
  const many = bsonDoc([[0x0a, 'a', Buffer.alloc(0)]]);
  const fields = Buffer.alloc(3 * 1_000_000);
  for (let i = 0; i < fields.length; i += 3) { fields[i] = 0x0a; fields[i + 1] = 0x61; }
  const bomb = Buffer.concat([many.subarray(0, 4), fields, Buffer.from([0])]);
  bomb.writeInt32LE(bomb.length, 0);
  const deep = bsonDoc([[0x03, 'junk', nestedDoc(100_000)], [0x05, 'lshw', binary(lshw)]]);
  const { c } = await serve((r, a) => a.reply(200, r.path.includes('/m1/') ? bomb : deep, { 'content-type': 'application/bson' }));
  await expect(c.details('m1')).rejects.toMatchObject({
    code: 'MAAS_ERR_MALFORMED_ANSWER', message: expect.stringMatching(/op=details: the answer is not a BSON details document, so it was not used: it has more than 256 top-level fields/),
  });
  expect(await c.details('m2')).toEqual({ lshw, lldp: null });
  const huge = await serve(async (_r, a) => {
    await a.head(200, { 'content-type': 'application/bson', 'content-length': String(600 * MiB) });
    await endless(a, Buffer.alloc(64 * 1024), 600 * MiB);
  });
  await expect(huge.c.details('m1')).rejects.toMatchObject({ message: expect.stringMatching(/answered 600 MiB for a node's details \(lshw, lldp\); refused past 8 MiB/) });
});

test('XML entities in lshw stay unexpanded: the text is handed over as sent, and the hardware summary refuses it', async () => {
  const { summariseLshw } = await import('../../../src-main/console/inventory/lshw-summary');
  const lshw = '<?xml version="1.0"?><!DOCTYPE n [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">' +
    '<!ENTITY x SYSTEM "file:///etc/passwd">]><node id="box" class="system"><vendor>&b;&x;</vendor></node>';
  const { c } = await serve((_r, a) => a.reply(200, bsonDoc([[0x05, 'lshw', binary(lshw)]]), { 'content-type': 'application/bson' }));
  const got = await c.details('m1');
  expect(got.lshw).toBe(lshw);
  expect(got.lshw).not.toMatch(/root:|aaaaaaaaaaaaaaaaaaaa/);
  expect(() => summariseLshw(got.lshw!)).toThrow(/DOCTYPE/);
});
