// A Digital Loggers web power switch as its documented (and MAAS-parsed) web UI behaves:
// GET /outlet?N=ON|OFF|CCL switches outlet N, GET /index.htm shows "<!-- state=HH lock=00 -->"
// with bit N-1 set when outlet N is on.
import { startHttpPeer, type HttpPeer } from './http-peer';

export interface DliSwitch extends HttpPeer {
  outlets: boolean[]; // index 0 = outlet 1
}

export async function startDliSwitch(creds: { user: string; password: string }): Promise<DliSwitch> {
  const outlets = Array.from({ length: 8 }, () => false);
  const peer = await startHttpPeer(creds, (req, _body, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/index.htm') {
      const bits = outlets.reduce((acc, on, i) => acc | (on ? 1 << i : 0), 0);
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<html><head><title>Outlet Control</title></head>\n<!-- state=${bits.toString(16).padStart(2, '0')} lock=00 -->\n<body>Outlets</body></html>`);
      return;
    }
    if (url.pathname === '/outlet') {
      for (const [k, v] of url.searchParams) {
        const n = Number(k);
        if (!(n >= 1 && n <= 8) || !['ON', 'OFF', 'CCL'].includes(v)) return void res.writeHead(400).end();
        outlets[n - 1] = v !== 'OFF';
      }
      res.writeHead(302, { location: '/index.htm' }).end();
      return;
    }
    res.writeHead(404).end();
  });
  return Object.assign(peer, { outlets });
}
