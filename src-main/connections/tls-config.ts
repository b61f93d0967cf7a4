// From a profile's stored TLS choices to the client's trust: the CA file is read when a
// client is made (so replacing the file takes effect), a pin carries its fingerprint and the
// anchor certificate captured when the user trusted it.
import { readFileSync } from 'node:fs';
import { ConsoleFailure } from '../../src-shared/contract/errors';
import { normaliseFingerprint, type TlsTrust } from '../maas-client/index';
import { probeCertificate } from '../maas-client/certificate-probe';
import { mapped } from '../console/maas-failure';

export interface StoredTls {
  caFile: string | null;
  pinnedFingerprint: string | null;
  pinnedAnchorPem: string | null;
}

export function trustOf(t: StoredTls): TlsTrust | undefined {
  const out: TlsTrust = {};
  if (t.caFile) {
    let pem: string;
    try { pem = readFileSync(t.caFile, 'utf8'); } catch (e) {
      throw new ConsoleFailure('tls', `The CA file ${t.caFile} trusted for this connection cannot be read: ${(e as Error).message}`);
    }
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new ConsoleFailure('tls', `${t.caFile} holds no PEM certificate.`);
    out.extraCaPem = [pem];
  }
  if (t.pinnedFingerprint && t.pinnedAnchorPem) out.pinned = { fingerprint256: t.pinnedFingerprint, anchorPem: t.pinnedAnchorPem };
  return out.extraCaPem || out.pinned ? out : undefined;
}

/**
 * The user trusted a fingerprint they were shown; fetch the certificate again and pin it
 * only if the server still presents exactly that one.
 */
export async function pinFor(url: string, fingerprint: string): Promise<{ pinnedFingerprint: string; pinnedAnchorPem: string }> {
  const seen = await mapped(() => probeCertificate(url));
  const want = normaliseFingerprint(fingerprint);
  if (normaliseFingerprint(seen.fingerprint256) !== want) {
    throw new ConsoleFailure('tls', `The server now presents a different certificate (SHA-256 ${seen.fingerprint256}) from the one trusted (${want}). Check it again before trusting it.`);
  }
  return { pinnedFingerprint: want, pinnedAnchorPem: seen.anchorPem };
}
