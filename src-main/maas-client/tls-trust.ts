// Certificate verification is always on. A connection may add trust, never remove checks:
// - extra CA certificates (a private CA's file), on top of the system's roots;
// - a pinned certificate: the user saw its SHA-256 fingerprint and trusted it. The chain must
//   then end at the pinned anchor AND the server's certificate must have the pinned
//   fingerprint. The host name check is replaced by the fingerprint check, which is stricter:
//   self-signed MAAS certificates often name a host other than the address used.
import { rootCertificates, type PeerCertificate } from 'node:tls';

export interface TlsTrust {
  /** PEM certificates trusted in addition to the system roots. */
  extraCaPem?: string[];
  /** A pinned server certificate: its SHA-256 fingerprint (AA:BB:…) and the PEM anchor of its chain. */
  pinned?: { fingerprint256: string; anchorPem: string };
}

export const normaliseFingerprint = (fp: string): string =>
  fp.replace(/[^0-9a-fA-F]/g, '').toUpperCase().replace(/(..)(?!$)/g, '$1:');

export function agentTlsOptions(t: TlsTrust | undefined): Record<string, unknown> {
  if (!t) return {};
  if (t.pinned) {
    const want = normaliseFingerprint(t.pinned.fingerprint256);
    return {
      ca: [t.pinned.anchorPem, ...(t.extraCaPem ?? [])],
      checkServerIdentity: (_host: string, cert: PeerCertificate): Error | undefined => {
        if (normaliseFingerprint(cert.fingerprint256 ?? '') === want) return undefined;
        const e = new Error(`the server's certificate (SHA-256 ${cert.fingerprint256}) is not the one trusted for this connection (${want})`);
        (e as Error & { code: string }).code = 'ERR_TLS_PINNED_CERTIFICATE';
        return e;
      },
    };
  }
  if (t.extraCaPem?.length) return { ca: [...rootCertificates, ...t.extraCaPem] };
  return {};
}
