// Wake-on-LAN: a UDP "magic packet" (6 × 0xff, then the MAC 16 times) that makes a NIC
// power its machine on. It can neither power off nor tell the state, so only "on" exists
// and the service reports the state as unknown. MAAS ran `wakeonlan`/`etherwake`; a UDP
// datagram from node:dgram needs neither the tool nor root.
import { createSocket } from 'node:dgram';
import { isIPv6 } from 'node:net';
import type { PowerDriver } from '../driver';
import { PowerError } from '../types';
import { macAddress } from './params';

export function magicPacket(mac: string): Buffer {
  const bytes = Buffer.from(mac.replace(/:/g, ''), 'hex');
  return Buffer.concat([Buffer.alloc(6, 0xff), ...Array.from({ length: 16 }, () => bytes)]);
}

export const etherWakeDriver: PowerDriver = {
  bmcKey: (params) => `wol:${macAddress(params)}`,
  async on(ctx) {
    const mac = macAddress(ctx.params);
    const { address, port } = ctx.config.wakeOnLan;
    const sock = createSocket(isIPv6(address) ? 'udp6' : 'udp4');
    try {
      await new Promise<void>((resolve, reject) => {
        sock.once('error', reject);
        sock.bind(0, () => {
          sock.setBroadcast(true);
          sock.send(magicPacket(mac), port, address, (err) => (err ? reject(err) : resolve()));
        });
      });
    } catch (e) {
      throw new PowerError('unreachable', `could not send the Wake-on-LAN packet to ${address}:${port}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    } finally {
      sock.close();
    }
    return `magic packet for ${mac} sent to ${address}:${port}; Wake-on-LAN cannot confirm the node came up`;
  },
};
