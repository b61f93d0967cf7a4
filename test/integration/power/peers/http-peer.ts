// A node:http server on 127.0.0.1:0 checking HTTP Basic credentials, for the peers that
// have no Debian emulator (DLI switches, Redfish BMCs).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { digestGuard } from './digest-auth';

export interface HttpPeer {
  address: string; // "127.0.0.1:PORT"
  requests: string[]; // "METHOD /path?query body"
  close(): Promise<void>;
}

export async function startHttpPeer(
  creds: { user: string; password: string },
  handle: (req: IncomingMessage, body: string, res: ServerResponse) => void,
  opts: { auth?: 'basic' | 'digest' } = {},
): Promise<HttpPeer> {
  const digest = opts.auth === 'digest' ? digestGuard(creds.user, creds.password) : undefined;
  const requests: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (d: string) => (body += d));
    req.on('end', () => {
      requests.push(`${req.method} ${req.url}${body ? ` ${body}` : ''}`);
      if (digest) {
        if (digest(req, res)) handle(req, body, res);
        return;
      }
      const expected = `Basic ${Buffer.from(`${creds.user}:${creds.password}`).toString('base64')}`;
      if (req.headers.authorization !== expected) {
        res.writeHead(401, { 'www-authenticate': 'Basic realm="peer"' }).end('unauthorized');
        return;
      }
      handle(req, body, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const a = server.address();
  const port = typeof a === 'object' && a ? a.port : 0;
  return {
    address: `127.0.0.1:${port}`,
    requests,
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
