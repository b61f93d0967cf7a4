// The one XML-over-HTTP helper of the SOAP/XML drivers against a hostile server: entities
// are never expanded, an oversized body is not read, no answer is unreachable.
import { createServer } from 'node:http';
import { expect, onTestFinished, test } from 'vitest';
import type { DriverContext } from '../../../src-main/power';
import { postXml, xmlEscape } from '../../../src-main/power/drivers/xml-http';
import { freeTcpPort } from './peers/free-port';

async function serve(body: () => string | Buffer) {
  const server = createServer((req, res) => { req.resume(); req.on('end', () => res.writeHead(200, { 'content-type': 'text/xml' }).end(body())); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  onTestFinished(() => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }));
  return new URL(`http://127.0.0.1:${(server.address() as { port: number }).port}/x`);
}

const ctx = { signal: new AbortController().signal, timeoutMs: 5000 } as DriverContext;

test('a document with an internal entity is refused as protocol, never expanded', async () => {
  const url = await serve(() => '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "boom">]><r>&a;</r>');
  const reply = await postXml(ctx, 'the peer', url, '<q/>');
  expect(() => reply.elements()).toThrow(expect.objectContaining({ kind: 'protocol' }));
});

test('a body past the cap is not read', async () => {
  const url = await serve(() => Buffer.alloc(3 << 20, 0x61));
  await expect(postXml(ctx, 'the peer', url, '<q/>', { maxBytes: 1 << 20 })).rejects.toMatchObject({ kind: 'protocol', message: expect.stringContaining('not read') });
});

test('elements and escaping round-trip; a closed port is unreachable', async () => {
  const url = await serve(() => `<r a="${xmlEscape('x"<&>\'y')}"><v>1</v></r>`);
  const els = (await postXml(ctx, 'the peer', url, '<q/>')).elements();
  expect(els.map((e) => e.name)).toEqual(['r', 'v']);
  expect(els[0].attrs.a).toBe('x"<&>\'y');
  await expect(postXml(ctx, 'the peer', new URL(`http://127.0.0.1:${await freeTcpPort()}/`), '<q/>')).rejects.toMatchObject({ kind: 'unreachable' });
});
