// A free port on 127.0.0.1 for peers that cannot be told "port 0" (ipmi_sim, snmpd take a
// port in their config): bind, read, release. Tests run one file per worker, so the
// window for a clash is tiny.
import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';

export function freeUdpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createSocket('udp4');
    s.once('error', reject);
    s.bind(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export function freeTcpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}
