// Certificate verification is always on: a self-signed server is refused until the user
// trusts its fingerprint (pinned) or a CA file; a different certificate with the same name
// is refused even then. Certificates are made by the openssl CLI in a temp dir.
import { afterAll, afterEach, beforeAll, expect, test, vi } from 'vitest';

vi.setConfig({ testTimeout: 60_000 });
import { readFileSync } from 'node:fs';
import { createMaasClient, discoverApi } from '../../../src-main/maas-client/index';
import { probeCertificate } from '../../../src-main/maas-client/certificate-probe';
import { machine } from '../../support/maas-replay-fixtures';
import { startReplayServer } from '../../support/maas-replay-server';
import { makeTestCertificates, type TestCertificates } from '../../support/test-certificates';

const KEY = 'ck:tk:ts';
let certs: TestCertificates;
beforeAll(() => { certs = makeTestCertificates(); });
afterAll(() => certs.cleanup());
const open: { close(): Promise<void> }[] = [];
afterEach(async () => { for (const c of open.splice(0).reverse()) await c.close(); });

const serve = async (tls: { key: string; cert: string }) => {
  const s = await startReplayServer({ api: '2.0', apiKey: KEY, machines: [machine(1, 4)], tls });
  open.push(s);
  return s;
};

test('a self-signed server is refused with a TLS error, not reached', async () => {
  const s = await serve(certs.selfSigned);
  const e = await discoverApi(s.root).catch((x) => x);
  expect(e.code).toBe('MAAS_ERR_TLS');
  expect(e.message).toMatch(/TLS problem: .*self-signed/);
  expect(s.requests).toHaveLength(0);
});

test('the certificate is shown before it is trusted, then a pin lets the client through', async () => {
  const s = await serve(certs.selfSigned);
  const seen = await probeCertificate(s.root);
  expect(seen).toMatchObject({ trustedBySystem: false, subject: 'CN=maas-selfsigned.test', problem: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
  expect(seen.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  expect(s.requests).toHaveLength(0); // reading the certificate sent nothing
  const tls = { pinned: { fingerprint256: seen.fingerprint256, anchorPem: seen.anchorPem } };
  const found = await discoverApi(s.root, { tls });
  expect(found.apiVersion).toBe('2.0');
  const c = createMaasClient({ root: found.root, apiVersion: '2.0', apiKey: KEY, tls });
  open.push(c);
  expect(await c.listNodes()).toHaveLength(1);
});

test('a pin refuses a different certificate, even one a trusted CA signed', async () => {
  const s = await serve(certs.signed);
  const wrongPin = { pinned: { fingerprint256: (await probeCertificate(s.root)).fingerprint256.replace(/^../, '00'), anchorPem: certs.ca.cert } };
  const e = await discoverApi(s.root, { tls: wrongPin }).catch((x) => x);
  expect(e.code).toBe('MAAS_ERR_TLS');
  expect(e.message).toMatch(/is not the one trusted for this connection/);
});

test('a CA file trusted for the connection verifies the server it signed', async () => {
  const s = await serve(certs.signed);
  await expect(discoverApi(s.root)).rejects.toMatchObject({ code: 'MAAS_ERR_TLS' });
  const tls = { extraCaPem: [readFileSync(certs.ca.certFile, 'utf8')] };
  const c = createMaasClient({ root: s.root, apiVersion: '2.0', apiKey: KEY, tls });
  open.push(c);
  expect((await c.version()).version).toBe('3.4.9');
});

test('plain http to a TLS port fails at once as a closed connection, not a hang', async () => {
  const s = await serve(certs.selfSigned);
  const c = createMaasClient({ root: s.root.replace('https:', 'http:'), apiVersion: '2.0', apiKey: KEY, retries: 0, timeoutMs: 2000 });
  open.push(c);
  const e = await c.listZones().catch((x) => x);
  expect(e.code).toBe('MAAS_ERR_UNREACHABLE');
  expect(e.message).toMatch(/GET zones\/: connection failed: other side closed/);
});
