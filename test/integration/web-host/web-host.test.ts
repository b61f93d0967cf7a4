// The browser host refuses anything without the session token, from a foreign Origin, or
// naming a foreign Host — and carries the contract over its WebSocket.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { startConsoleHost, type ConsoleHost } from '../../support/console-host';

let host: ConsoleHost;
beforeAll(async () => { host = await startConsoleHost(); });
afterAll(async () => { await host.close(); });

const get = (path: string, headers: Record<string, string> = {}) =>
  new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });

const open = (url: string, origin: string | undefined, headers: Record<string, string> = {}) =>
  new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(url, { origin, headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });

const wsUrl = (token: string) => `ws://127.0.0.1:${host.port}/ws?token=${token}`;

describe('web host', () => {
  test('binds to 127.0.0.1 and prints a URL carrying the token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
  });

  test('the page needs the token; with it, the page comes with a strict CSP', async () => {
    expect((await get('/')).status).toBe(403);
    expect((await get('/?token=wrong')).status).toBe(403);
    const ok = await get(`/?token=${host.token}`);
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('<div id="app">');
    expect(String(ok.headers['content-security-policy'])).toContain("default-src 'none'");
    expect(String(ok.headers['content-security-policy'])).not.toContain('unsafe');
  });

  test('a foreign Host header is refused (DNS rebinding)', async () => {
    const r = await get(`/?token=${host.token}`, { Host: `evil.example:${host.port}` });
    expect(r.status).toBe(421);
  });

  test('paths cannot escape the renderer folder', async () => {
    expect((await get('/../../package.json')).status).toBe(404);
    expect((await get('/%2e%2e/%2e%2e/package.json')).status).toBe(404);
  });

  test('WebSocket: no token, a wrong token, a foreign Origin or Host are refused', async () => {
    await expect(open(`ws://127.0.0.1:${host.port}/ws`, host.origin)).rejects.toThrow(/403/);
    await expect(open(wsUrl('nope'), host.origin)).rejects.toThrow(/403/);
    await expect(open(wsUrl(host.token), 'http://evil.example')).rejects.toThrow(/403/);
    await expect(open(wsUrl(host.token), undefined)).rejects.toThrow(/403/);
    await expect(open(wsUrl(host.token), host.origin, { Host: 'evil.example' })).rejects.toThrow(/403/);
  });

  test('WebSocket carries requests, typed errors and push events', async () => {
    const ws = await open(wsUrl(host.token), host.origin);
    const replies: unknown[] = [];
    const events: unknown[] = [];
    ws.on('message', (d) => {
      const m = JSON.parse(String(d));
      (m.id ? replies : events).push(m);
    });
    ws.send(JSON.stringify({ id: 1, channel: 'app.ping', payload: { text: 'hello' } }));
    ws.send(JSON.stringify({ id: 2, channel: 'no.such', payload: {} }));
    ws.send(JSON.stringify({ id: 3, channel: 'app.ping', payload: { text: 7 } }));
    await expect.poll(() => replies.length).toBe(3);
    host.hub.emit('app.status', { level: 'info', text: 'pushed' });
    await expect.poll(() => events.length).toBe(1);
    const byId = Object.fromEntries((replies as { id: number; reply: { ok: boolean; error?: { code: string } } }[]).map((r) => [r.id, r.reply]));
    expect(byId[1].ok).toBe(true);
    expect(byId[2].error?.code).toBe('unknown-channel');
    expect(byId[3].error?.code).toBe('invalid-request');
    expect(events[0]).toEqual({ event: 'app.status', payload: { level: 'info', text: 'pushed' } });
    ws.close();
  });

  test('a message that is not JSON closes the session, the host stays up', async () => {
    const ws = await open(wsUrl(host.token), host.origin);
    const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
    ws.send('not json');
    expect(await closed).toBe(1003);
    expect((await get(`/?token=${host.token}`)).status).toBe(200);
  });
});
