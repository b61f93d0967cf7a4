// HTTP Digest authentication (RFC 7616: MD5, qop=auth) as Intel AMT firmware requires it,
// for the AMT peers: a fresh nonce per challenge, the response checked against the method,
// URI and password; anything else is answered with a new 401 challenge.
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

export function digestGuard(user: string, password: string, realm = 'Digest:4A3B0000000000000000000000000000') {
  const nonces = new Set<string>();
  /** True when the request carries a valid Digest answer; else a 401 challenge has been sent. */
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const auth = String(req.headers.authorization ?? '');
    const p = Object.fromEntries([...auth.matchAll(/(\w+)="?([^",]*)"?/g)].map((m) => [m[1], m[2]]));
    const expected = md5(`${md5(`${user}:${realm}:${password}`)}:${p.nonce}:${p.nc}:${p.cnonce}:${p.qop}:${md5(`${req.method}:${p.uri}`)}`);
    if (auth.startsWith('Digest ') && p.username === user && nonces.has(p.nonce) && p.uri === req.url && p.response === expected) return true;
    const nonce = randomBytes(16).toString('hex');
    nonces.add(nonce);
    res.writeHead(401, { 'www-authenticate': `Digest realm="${realm}", nonce="${nonce}", stale="false", qop="auth"` }).end();
    return false;
  };
}
