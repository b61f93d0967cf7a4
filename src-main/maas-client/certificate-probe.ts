// Reads the certificate an https MAAS server presents, so the user can SEE it (subject,
// issuer, validity, SHA-256 fingerprint) before deciding to trust it. The handshake here
// does not reject the certificate — that is the point, we want to show it — but nothing is
// sent over this socket: no request, no key. Every real call verifies (tls-trust.ts).
import { connect, type DetailedPeerCertificate } from 'node:tls';
import type { CertificateInfo } from '../../src-shared/maas/maas-types';
import { InvalidMaasUrlError, MaasUnreachableError } from './errors';

const pem = (raw: Buffer): string =>
  `-----BEGIN CERTIFICATE-----\n${raw.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;

const dn = (x: Record<string, string | string[]> | undefined): string =>
  x ? Object.entries(x).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`).join(', ') : '';

export interface ProbedCertificate extends CertificateInfo {
  /** The top of the presented chain: the anchor a pin is verified against. */
  anchorPem: string;
}

export function probeCertificate(url: string, timeoutMs = 10_000): Promise<ProbedCertificate> {
  const u = new URL(url);
  if (u.protocol !== 'https:') return Promise.reject(new InvalidMaasUrlError(`${url} is not an https URL: there is no certificate to inspect.`));
  const host = u.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve, reject) => {
    const socket = connect({
      host, port: Number(u.port || 443), rejectUnauthorized: false, timeout: timeoutMs,
      servername: /^[\d.]+$|:/.test(host) ? undefined : host,
    });
    socket.once('secureConnect', () => {
      const leaf = socket.getPeerCertificate(true) as DetailedPeerCertificate;
      let top = leaf;
      while (top.issuerCertificate && top.issuerCertificate !== top && top.issuerCertificate.raw) top = top.issuerCertificate;
      resolve({
        subject: dn(leaf.subject as never), issuer: dn(leaf.issuer as never), validFrom: leaf.valid_from, validTo: leaf.valid_to,
        fingerprint256: leaf.fingerprint256, subjectAltName: leaf.subjectaltname ?? '',
        trustedBySystem: socket.authorized, problem: socket.authorized ? null : String(socket.authorizationError ?? 'not trusted'),
        anchorPem: pem(top.raw),
      });
      socket.end();
    });
    socket.once('timeout', () => { socket.destroy(); reject(new MaasUnreachableError(`${u.host}: no TLS handshake within ${timeoutMs / 1000} s`, 'timeout')); });
    socket.once('error', (e) => reject(new MaasUnreachableError(`${u.host}: cannot read its certificate: ${e.message}`, 'network')));
  });
}
