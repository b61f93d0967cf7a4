// Reaching a server before anything about it is saved: find its API, make one signed call
// with the key, and settle the TLS choices (a fingerprint the user trusted is pinned only if
// the server still presents that certificate). "Test" reports the outcome; add and edit
// save nothing unless it passed.
import type { CertificateInfo, ConnectionTestResult } from '../../src-shared/contract/connections';
import { ConsoleFailure } from '../../src-shared/contract/errors';
import { probeCertificate } from '../maas-client/certificate-probe';
import { createMaasClient, discoverApi, type Discovered } from '../maas-client/index';
import { mapped } from '../console/maas-failure';
import { verdictOf } from './health';
import type { Profile } from './profile-store';
import { pinFor, trustOf, type StoredTls } from './tls-config';

export interface TlsRequest { caFile?: string | null; pinnedFingerprint?: string | null }

/** Client tuning (tests shorten timeouts and skip back-off sleeps). */
export interface ClientTuning { timeoutMs?: number; retries?: number; sleep?: (ms: number) => Promise<void> }

export const noTls: StoredTls = { caFile: null, pinnedFingerprint: null, pinnedAnchorPem: null };
export const storedTlsOf = (p: Profile): StoredTls =>
  ({ caFile: p.tlsCaFile, pinnedFingerprint: p.tlsPinnedFingerprint, pinnedAnchorPem: p.tlsPinnedAnchorPem });

/** Discovers the API and makes one signed call with the key; throws what went wrong. */
export async function checkServer(url: string, apiKey: string, tls: StoredTls, tuning: ClientTuning = {}): Promise<Discovered> {
  const trust = trustOf(tls);
  return mapped(async () => {
    const found = await discoverApi(url, { tls: trust, ...tuning });
    const c = createMaasClient({ root: found.root, apiVersion: found.apiVersion, apiKey, tls: trust, ...tuning });
    try { await c.checkKey(); } finally { await c.close(); }
    return found;
  });
}

/** The TLS choices asked for, over those stored: an unchanged pin is kept, a new one fetched and checked. */
export async function tlsFor(url: string, req: TlsRequest | undefined, current: StoredTls = noTls): Promise<StoredTls> {
  if (!req) return current;
  const out: StoredTls = { caFile: req.caFile ?? null, pinnedFingerprint: null, pinnedAnchorPem: null };
  if (req.pinnedFingerprint) {
    const same = current.pinnedFingerprint && current.pinnedAnchorPem &&
      current.pinnedFingerprint.replace(/:/g, '').toUpperCase() === req.pinnedFingerprint.replace(/:/g, '').toUpperCase();
    Object.assign(out, same ? { pinnedFingerprint: current.pinnedFingerprint, pinnedAnchorPem: current.pinnedAnchorPem }
      : await pinFor(url, req.pinnedFingerprint));
  }
  return out;
}

/**
 * "Test": the outcome of reaching the server with the key, as the form shows it; for a TLS
 * problem on https, the certificate the server presents (read without sending anything).
 */
export async function testServer(url: string, apiKey: string, tls: TlsRequest | undefined, current: StoredTls,
  tuning: ClientTuning = {}): Promise<ConnectionTestResult> {
  try {
    const found = await checkServer(url, apiKey, await tlsFor(url, tls, current), tuning);
    return { health: 'online', message: `Reached MAAS${found.version ? ` ${found.version}` : ''} (API ${found.apiVersion}); the key works.`,
      apiVersion: found.apiVersion, maasVersion: found.version, root: found.root, certificate: null };
  } catch (e) {
    if (e instanceof ConsoleFailure && (e.code === 'bad-input' || e.code === 'internal')) throw e;
    const v = verdictOf(e);
    let certificate: CertificateInfo | null = null;
    if (v.health === 'tls' && /^https:/i.test(url.trim())) {
      try {
        const { anchorPem: _anchor, ...shown } = await mapped(() => probeCertificate(url.trim()));
        certificate = shown;
      } catch { /* no certificate to show: the message says what failed */ }
    }
    return { health: v.health, message: v.message ?? '', apiVersion: null, maasVersion: null, root: null, certificate };
  }
}
