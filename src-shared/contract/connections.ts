// Connections: the MAAS servers the console knows, "This laptop" (the embedded region)
// always among them. API keys travel one way only: the renderer sends one when adding or
// replacing it; no answer or event ever carries a key back.
import { z } from 'zod';
import { channel, event, returns } from './channel';
import type { ApiVersion, CertificateInfo } from './maas-types';

export type { CertificateInfo };

export type ConnectionHealth = 'online' | 'offline' | 'key-rejected' | 'tls' | 'unknown';

export interface ConnectionTls {
  /** A CA certificate file trusted for this connection, on top of the system's roots. */
  caFile: string | null;
  /** SHA-256 fingerprint (AA:BB:…) of a server certificate the user saw and trusted. */
  pinnedFingerprint: string | null;
}

export interface ConnectionView {
  id: string;
  name: string;
  /** The MAAS root, e.g. http://maas.example:5240/MAAS/. */
  url: string;
  kind: 'embedded' | 'remote';
  apiVersion: ApiVersion | null;
  maasVersion: string | null;
  tls: ConnectionTls;
  health: ConnectionHealth;
  /** Why it is not online, as the last check said it. */
  healthMessage: string | null;
  /** ISO time of the last successful signed call. */
  lastReached: string | null;
  lastChecked: string | null;
  active: boolean;
  /** Its API key is held in memory for this session only: the host has no OS keychain. */
  keySessionOnly?: boolean;
}

export interface ConnectionTestResult {
  health: ConnectionHealth;
  message: string;
  apiVersion: ApiVersion | null;
  maasVersion: string | null;
  /** The MAAS root the URL led to. */
  root: string | null;
  /** For https with a TLS problem: the certificate, to show before it is trusted. */
  certificate: CertificateInfo | null;
}

export interface CliProfile {
  /** Which file it came from (~/.maascli.db of the MAAS CLI, ~/.maas.db of python-libmaas). */
  source: string;
  name: string;
  url: string;
  hasKey: boolean;
  /** The connection it was imported as, if it was. */
  importedAs: string | null;
}

export interface CliImportResult {
  name: string;
  ok: boolean;
  connection: ConnectionView | null;
  error: string | null;
}

const Id = z.string().min(1).max(100);
const Name = z.string().trim().min(1).max(100);
const Url = z.string().trim().min(1).max(2048);
const ApiKey = z.string().trim().min(5).max(600);
const Fingerprint = z.string().regex(/^([0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}$/, 'a SHA-256 fingerprint: 32 hex bytes, AA:BB:…');
const TlsInput = z.object({
  caFile: z.string().min(1).max(4096).nullable().optional(),
  pinnedFingerprint: Fingerprint.nullable().optional(),
}).strict();

export const connectionsChannels = {
  'connections.list': channel(z.object({}).strict(), returns<ConnectionView[]>()),
  /** Checks a URL and key without saving anything; with `id` and no key, the key that connection has in the keychain. */
  'connections.test': channel(z.object({ url: Url, apiKey: ApiKey.optional(), id: Id.optional(), tls: TlsInput.optional() }).strict()
    .refine((r) => r.apiKey !== undefined || r.id !== undefined, { message: 'an API key (or the id of a saved connection) is needed', path: ['apiKey'] }),
  returns<ConnectionTestResult>()),
  'connections.inspectCertificate': channel(z.object({ url: Url }).strict(), returns<CertificateInfo>()),
  /** The key is checked against the server before anything is saved. */
  'connections.add': channel(z.object({ name: Name, url: Url, apiKey: ApiKey, tls: TlsInput.optional() }).strict(), returns<ConnectionView>()),
  'connections.update': channel(z.object({
    id: Id, name: Name.optional(), url: Url.optional(), apiKey: ApiKey.optional(), tls: TlsInput.optional(),
  }).strict(), returns<ConnectionView>()),
  /** Removes the profile and its keychain entry. "This laptop" cannot be removed. */
  'connections.remove': channel(z.object({ id: Id }).strict(), returns<{ removed: string }>()),
  'connections.switch': channel(z.object({ id: Id }).strict(), returns<ConnectionView>()),
  /** Re-checks one connection, or all when no id is given. */
  'connections.health': channel(z.object({ id: Id.optional() }).strict(), returns<ConnectionView[]>()),
  'connections.cliProfiles': channel(z.object({}).strict(), returns<CliProfile[]>()),
  'connections.importCli': channel(z.object({
    names: z.array(z.string().min(1).max(200)).min(1).max(100),
    /** Also blank the key in the CLI's file once it is safe in the keychain. */
    forgetInCli: z.boolean().optional(),
  }).strict(), returns<CliImportResult[]>()),
} as const;

export const connectionsEvents = {
  /** The whole list, after any change (added, removed, switched, health). */
  'connections.changed': event<ConnectionView[]>(),
} as const;
