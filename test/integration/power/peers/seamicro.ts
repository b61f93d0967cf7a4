// A SeaMicro 15000 chassis controller's REST API v0.9 as MAAS's client used it: positional,
// order-dependent query parameters, JSON answers {"error": {"code"}, "result"}, one
// session at a time (a second login while one is open answers code 401), GET login?USER&PASS,
// GET servers?TOKEN (index → "N/0"), PUT servers/INDEX?action=Power-On&using-pxe=…&TOKEN or
// action=Power-Off&force=…&TOKEN, GET logout. Any other shape is an error, not guessed at.
import { createServer, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';

export interface SeaMicro {
  address: string;
  /** Server "N/0" → on. */
  power: Map<string, boolean>;
  /** Requests as "METHOD path?query" with the password replaced by PASSWORD (for assertions). */
  requests: string[];
  close(): Promise<void>;
}

export async function startSeaMicro(creds: { user: string; password: string }, servers: number[]): Promise<SeaMicro> {
  const power = new Map(servers.map((n) => [`${n}/0`, false]));
  const index = servers.map((n) => `${n}/0`);
  const requests: string[] = [];
  let session: string | undefined;
  const server: Server = createServer((req, res) => {
    req.resume();
    const url = new URL(req.url ?? '/', 'http://x');
    const params = url.search.slice(1).split('&').filter(Boolean).map(decodeURIComponent);
    requests.push(`${req.method} ${url.pathname}?${params.map((p) => (p === creds.password ? 'PASSWORD' : p)).join('&')}`);
    const answer = (code: number, result: unknown = null) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code }, result }));
    const path = url.pathname.replace(/^\/v0\.9\//, '');
    if (!url.pathname.startsWith('/v0.9/')) return void res.writeHead(404).end();
    if (req.method === 'GET' && path === 'login') {
      if (params.length !== 2 || params[0] !== creds.user || params[1] !== creds.password) return answer(401);
      if (session) return answer(401); // one session at a time
      session = randomBytes(8).toString('hex');
      return answer(200, session);
    }
    if (req.method === 'GET' && path === 'logout') { session = undefined; return answer(200, true); }
    const token = params.at(-1);
    if (!session || token !== session) return answer(401);
    if (req.method === 'GET' && path === 'servers') return answer(200, { serverId: Object.fromEntries(index.map((id, i) => [String(i), id])) });
    const put = /^servers\/(\d+)$/.exec(path);
    if (req.method === 'PUT' && put && index[Number(put[1])]) {
      const id = index[Number(put[1])];
      const [action, option] = params;
      if (action === 'action=Power-On' && /^using-pxe=(true|false)$/.test(option)) { power.set(id, true); return answer(202, true); }
      if (action === 'action=Power-Off' && /^force=(true|false)$/.test(option)) { power.set(id, false); return answer(202, true); }
      return answer(400);
    }
    answer(404);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const a = server.address();
  return {
    address: `127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`,
    power, requests,
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
