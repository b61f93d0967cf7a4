// The browser host: the same console served to a browser on loopback, the IPC contract
// carried over one WebSocket. Everything a request can name is refused unless it carries
// the session token, comes from our own Origin and names our own Host (DNS rebinding).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Dispatch, EventHub } from '../ipc/dispatcher';
import { contentSecurityPolicy } from './csp';
import { readStatic } from './static-files';

export interface WebHostOptions {
  staticDir: string;
  dispatch: Dispatch;
  hub: EventHub;
  host?: string;
  port?: number;
  /** Fixed token for tests; random otherwise. */
  token?: string;
  log?: (line: string) => void;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const sameToken = (given: string | null, token: string) => {
  if (!given) return false;
  const a = Buffer.from(given), b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
};

export async function startWebHost(o: WebHostOptions): Promise<WebHost> {
  if (!existsSync(join(o.staticDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${o.staticDir} has no index.html): run \`npm run build:web\` first.`);
  }
  const host = o.host ?? '127.0.0.1';
  const token = o.token ?? randomBytes(24).toString('base64url');
  const log = o.log ?? (() => {});
  let origin = '';
  let hostHeader = '';

  // Host must be exactly ours: a page on evil.example resolving to 127.0.0.1 sends its own Host.
  const hostOk = (req: IncomingMessage) => req.headers.host === hostHeader;
  const originOk = (req: IncomingMessage) => req.headers.origin === origin;

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', origin);
    const security = {
      'Content-Security-Policy': contentSecurityPolicy,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    };
    if (!hostOk(req)) {
      res.writeHead(421, { 'Content-Type': 'text/plain' }).end('Refused: wrong Host header.');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { 'Content-Type': 'text/plain', Allow: 'GET' }).end('Only GET is served here.');
      return;
    }
    // The page itself needs the token; its assets do not (they hold no data).
    const isPage = url.pathname === '/' || url.pathname === '/index.html';
    if (isPage && !sameToken(url.searchParams.get('token'), token)) {
      res.writeHead(403, { 'Content-Type': 'text/plain', ...security })
        .end('Refused: open the console with the URL printed by `npm run web` (it carries the session token).');
      return;
    }
    const file = await readStatic(o.staticDir, url.pathname);
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain', ...security }).end(`Not found: ${url.pathname}`);
      return;
    }
    res.writeHead(200, { 'Content-Type': file.type, ...security }).end(req.method === 'HEAD' ? undefined : file.body);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 8 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname !== '/ws' || !hostOk(req) || !originOk(req) || !sameToken(url.searchParams.get('token'), token)) {
      log(`refused WebSocket from origin ${String(req.headers.origin)}`);
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\n\r\nRefused.\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveSession(ws, o.dispatch, o.hub));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  hostHeader = `${host}:${port}`;
  origin = `http://${hostHeader}`;
  return {
    url: `${origin}/?token=${token}`,
    port,
    token,
    close: () => new Promise<void>((resolve) => {
      for (const c of wss.clients) c.terminate();
      wss.close();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** One browser tab: requests `{id, channel, payload}` → `{id, reply}`; events `{event, payload}`. */
function serveSession(ws: WebSocket, dispatch: Dispatch, hub: EventHub) {
  const unsubscribe = hub.subscribe((event, payload) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event, payload }));
  });
  ws.on('close', unsubscribe);
  ws.on('message', async (data) => {
    let msg: { id?: unknown; channel?: unknown; payload?: unknown };
    try { msg = JSON.parse(String(data)); } catch { return ws.close(1003, 'Messages must be JSON.'); }
    if (typeof msg.id !== 'number') return ws.close(1003, 'A request needs a numeric id.');
    const reply = await dispatch(msg.channel, msg.payload);
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: msg.id, reply }));
  });
}
