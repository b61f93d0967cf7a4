// A MAAS server that misbehaves on purpose: a raw TCP server (node:net) that reads each
// request's line and headers and hands the socket to a script that may answer anything,
// slowly, endlessly or not at all. It counts what it managed to write, so a test can tell
// how much a client really read before it stopped.
import { createServer, type Socket } from 'node:net';

export interface HostileRequest {
  method: string;
  /** Path and query, e.g. /MAAS/api/2.0/machines/?op=… */
  target: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
}

export interface Answerer {
  socket: Socket;
  /** Writes, waiting while the client's side is full; false once the client has gone. */
  write(data: string | Buffer): Promise<boolean>;
  /** A whole answer with Content-Length, then the connection is kept (keep-alive). */
  reply(status: number, body: string | Buffer, headers?: Record<string, string>): Promise<void>;
  /** Only the status line and headers; the body is up to the script. */
  head(status: number, headers?: Record<string, string>): Promise<boolean>;
  /** Resolves after `ms`, unless the client went first. */
  pause(ms: number): Promise<void>;
  gone(): boolean;
}

export interface HostileServer {
  root: string;
  port: number;
  requests: HostileRequest[];
  /** Bytes written to clients, all connections together. */
  written(): number;
  close(): Promise<void>;
}

const words: Record<number, string> = { 200: 'OK', 204: 'No Content', 302: 'Found', 409: 'Conflict', 503: 'Service Unavailable', 102: 'Processing' };

export async function startHostileMaas(script: (r: HostileRequest, a: Answerer) => Promise<void> | void,
  host = '127.0.0.1'): Promise<HostileServer> {
  const requests: HostileRequest[] = [];
  const sockets = new Set<Socket>();
  let written = 0;
  const server = createServer((socket) => {
    sockets.add(socket);
    let closed = false;
    socket.on('close', () => { closed = true; sockets.delete(socket); });
    socket.on('error', () => { closed = true; });
    const write = (data: string | Buffer): Promise<boolean> => new Promise((resolve) => {
      if (closed || socket.destroyed) { resolve(false); return; }
      const n = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
      const more = socket.write(data, (e) => { if (!e) written += n; });
      if (more) { resolve(true); return; }
      const done = () => { socket.off('drain', done); socket.off('close', done); resolve(!closed); };
      socket.on('drain', done);
      socket.on('close', done);
    });
    const head = (status: number, headers: Record<string, string> = {}) =>
      write(`HTTP/1.1 ${status} ${words[status] ?? 'Whatever'}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`);
    const answerer: Answerer = {
      socket, write, head,
      async reply(status, body, headers = {}) {
        const b = typeof body === 'string' ? Buffer.from(body) : body;
        await head(status, { 'content-type': 'application/json', 'content-length': String(b.length), ...headers });
        await write(b);
      },
      pause: (ms) => new Promise((resolve) => {
        const t = setTimeout(resolve, ms);
        socket.once('close', () => { clearTimeout(t); resolve(); });
      }),
      gone: () => closed,
    };
    let buf = Buffer.alloc(0);
    let busy = false;
    socket.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      void next();
    });
    // One request at a time per connection, as HTTP/1.1 without pipelining; a request body
    // (multipart of a POST) is skipped by its Content-Length.
    async function next(): Promise<void> {
      if (busy) return;
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      const [line, ...lines] = buf.subarray(0, end).toString('latin1').split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      const length = Number(headers['content-length'] ?? 0);
      if (buf.length < end + 4 + length) return;
      buf = buf.subarray(end + 4 + length);
      const [method, target] = line.split(' ');
      const u = new URL(target, 'http://x/');
      const r: HostileRequest = { method, target, path: u.pathname, query: u.searchParams, headers };
      requests.push(r);
      busy = true;
      try { await script(r, answerer); } finally { busy = false; }
      void next();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as { port: number }).port;
  return {
    root: `http://${host}:${port}/MAAS/`, port, requests,
    written: () => written,
    close: () => new Promise<void>((resolve) => { for (const s of sockets) s.destroy(); server.close(() => resolve()); }),
  };
}

/** An endless body: `chunk` again and again, until the client stops reading or goes. */
export async function endless(a: Answerer, chunk: Buffer, most = Infinity): Promise<void> {
  for (let sent = 0; sent < most && !a.gone(); sent += chunk.length) if (!(await a.write(chunk))) return;
}
