// Connection profiles and their keys: add (key checked against the server first), edit,
// remove (keychain entry too), switch, health, and a MaasClient per connection for the
// use-cases. Keys go from the renderer into the keychain and from the keychain into a
// client's signer; they are never returned, logged or written to the settings database.
import { randomUUID } from 'node:crypto';
import { ConsoleFailure } from '../../src-shared/contract/errors';
import type { ConnectionTestResult, ConnectionView } from '../../src-shared/contract/connections';
import type { ApiVersion } from '../../src-shared/contract/maas-types';
import { createMaasClient, discoverApi, parseApiKey, parseMaasUrl, type Discovered, type MaasClient } from '../maas-client/index';
import { consoleClient, mapped, mappedSync } from '../console/maas-failure';
import { CallHealth } from './call-health';
import { toView } from './connection-view';
import { EMBEDDED_ID, EMBEDDED_NAME, EmbeddedRun, embeddedProfile } from './embedded-profile';
import { verdictOf } from './health';
import type { Keychain } from './keychain';
import type { Profile, ProfileStore } from './profile-store';
import { checkServer, noTls, storedTlsOf, testServer, tlsFor, type ClientTuning, type TlsRequest } from './server-check';
import { trustOf } from './tls-config';

export interface ConnectionServiceDeps {
  store: ProfileStore;
  keychain: Keychain;
  onChange?: (list: ConnectionView[]) => void;
  now?: () => Date;
  /** Client tuning (tests shorten timeouts and skip back-off sleeps). */
  client?: ClientTuning;
}

export class ConnectionService {
  #clients = new Map<string, Promise<MaasClient>>();
  #embedded = new EmbeddedRun();
  #callHealth: CallHealth;
  #d: ConnectionServiceDeps;

  constructor(d: ConnectionServiceDeps) {
    this.#d = d;
    this.#callHealth = new CallHealth(d.store);
    if (!d.store.get(EMBEDDED_ID)) d.store.insert(embeddedProfile(this.#now()));
    if (!d.store.activeId()) d.store.setActive(EMBEDDED_ID);
  }

  #now = () => (this.#d.now?.() ?? new Date()).toISOString();

  list(): ConnectionView[] {
    const active = this.#d.store.activeId();
    return this.#d.store.all().map((p) => this.#view(p, active));
  }

  view(id: string): ConnectionView { return this.#view(this.#profile(id), this.#d.store.activeId()); }

  #view(p: Profile, active: string | null): ConnectionView {
    return toView(p, active, p.kind === 'remote' && (this.#d.keychain.sessionOnly?.(p.id) ?? false));
  }

  #profile(id: string): Profile {
    const p = this.#d.store.get(id);
    if (!p) throw new ConsoleFailure('not-found', `There is no connection with id ${id}.`);
    return p;
  }

  #changed(): void { this.#d.onChange?.(this.list()); }

  async #dropClient(id: string): Promise<void> {
    const c = this.#clients.get(id);
    this.#clients.delete(id);
    if (c) await c.then((x) => x.close(), () => undefined);
  }

  async test(req: { url: string; apiKey?: string; id?: string; tls?: TlsRequest }): Promise<ConnectionTestResult> {
    const saved = req.id !== undefined ? this.#profile(req.id) : null;
    const apiKey = req.apiKey?.trim() ?? (saved ? await this.#d.keychain.get(saved.id) : null);
    if (!apiKey) throw new ConsoleFailure('bad-input', `The keychain holds no API key for "${saved?.name ?? '?'}": enter it.`);
    mappedSync(() => { parseApiKey(apiKey); parseMaasUrl(req.url); });
    return testServer(req.url, apiKey, req.tls, saved ? storedTlsOf(saved) : noTls, this.#d.client);
  }

  async add(req: { name: string; url: string; apiKey: string; tls?: TlsRequest },
    opts: { importedFrom?: string; allowOffline?: boolean } = {}): Promise<ConnectionView> {
    const name = req.name.trim();
    const key = req.apiKey.trim();
    mappedSync(() => parseApiKey(key));
    if (this.#d.store.byName(name)) throw new ConsoleFailure('conflict', `A connection named "${name}" already exists.`);
    const tls = await tlsFor(req.url, req.tls);
    let found: Pick<Discovered, 'root' | 'apiVersion' | 'version'>;
    let health: { health: Profile['health']; message: string | null; reached: string | null } = { health: 'online', message: null, reached: this.#now() };
    try {
      found = await checkServer(req.url, key, tls, this.#d.client);
    } catch (e) {
      const v = verdictOf(e);
      // An imported CLI profile may be added while its server is out of reach: the key came
      // from a working `maas login`. A rejected key or a TLS problem is never saved.
      if (!(opts.allowOffline && v.health === 'offline' && e instanceof ConsoleFailure && e.code === 'unreachable')) {
        if (e instanceof ConsoleFailure) throw new ConsoleFailure(e.code, `Not saved: ${e.message}`);
        throw e;
      }
      const { roots, preferred } = mappedSync(() => parseMaasUrl(req.url));
      found = { root: roots.at(-1)!, apiVersion: preferred ?? '2.0', version: null };
      health = { health: 'offline', message: v.message, reached: null };
    }
    const id = `c-${randomUUID()}`;
    await this.#d.keychain.set(id, key);
    try {
      this.#d.store.insert({
        id, kind: 'remote', name, url: found.root, apiVersion: found.apiVersion, maasVersion: found.version,
        tlsCaFile: tls.caFile, tlsPinnedFingerprint: tls.pinnedFingerprint, tlsPinnedAnchorPem: tls.pinnedAnchorPem,
        health: health.health, healthMessage: health.message, lastReached: health.reached, lastChecked: this.#now(),
        importedFrom: opts.importedFrom ?? null, createdAt: this.#now(),
      });
    } catch (e) {
      await this.#d.keychain.delete(id).catch(() => false);
      throw e;
    }
    this.#changed();
    return this.view(id);
  }

  async update(req: { id: string; name?: string; url?: string; apiKey?: string; tls?: TlsRequest }): Promise<ConnectionView> {
    const p = this.#profile(req.id);
    const patch: Partial<Profile> = {};
    if (req.name !== undefined && req.name.trim() !== p.name) {
      const other = this.#d.store.byName(req.name.trim());
      if (other && other.id !== p.id) throw new ConsoleFailure('conflict', `A connection named "${req.name.trim()}" already exists.`);
      patch.name = req.name.trim();
    }
    const reach = req.url !== undefined || req.apiKey !== undefined || req.tls !== undefined;
    if (reach && p.kind === 'embedded') throw new ConsoleFailure('bad-input', `${EMBEDDED_NAME} is the embedded region: only its name can be changed.`);
    if (reach) {
      const url = req.url ?? p.url;
      const key = req.apiKey?.trim() ?? await this.#d.keychain.get(p.id);
      if (!key) throw new ConsoleFailure('bad-input', `The keychain holds no API key for "${p.name}": enter it.`);
      mappedSync(() => parseApiKey(key));
      const tls = await tlsFor(url, req.tls, storedTlsOf(p));
      let found: Discovered;
      try { found = await checkServer(url, key, tls, this.#d.client); } catch (e) {
        if (e instanceof ConsoleFailure) throw new ConsoleFailure(e.code, `Not saved: ${e.message}`);
        throw e;
      }
      if (req.apiKey !== undefined) await this.#d.keychain.set(p.id, key);
      Object.assign(patch, {
        url: found.root, apiVersion: found.apiVersion, maasVersion: found.version, tlsCaFile: tls.caFile,
        tlsPinnedFingerprint: tls.pinnedFingerprint, tlsPinnedAnchorPem: tls.pinnedAnchorPem,
        health: 'online', healthMessage: null, lastReached: this.#now(), lastChecked: this.#now(),
      } satisfies Partial<Profile>);
    }
    this.#d.store.update(p.id, patch);
    await this.#dropClient(p.id);
    this.#changed();
    return this.view(p.id);
  }

  async remove(id: string): Promise<{ removed: string }> {
    const p = this.#profile(id);
    if (p.kind === 'embedded') throw new ConsoleFailure('bad-input', `${EMBEDDED_NAME} is the embedded region and is always listed; it cannot be removed.`);
    await this.#d.keychain.delete(id);
    this.#d.store.remove(id);
    if (this.#d.store.activeId() === id) this.#d.store.setActive(EMBEDDED_ID);
    await this.#dropClient(id);
    this.#changed();
    return { removed: id };
  }

  switch(id: string): ConnectionView {
    this.#profile(id);
    this.#d.store.setActive(id);
    this.#changed();
    return this.view(id);
  }

  activeId(): string { return this.#d.store.activeId() ?? EMBEDDED_ID; }

  /** The client of a connection (the active one when no id is given), made once and kept. */
  clientFor(id: string = this.activeId()): Promise<MaasClient> {
    // This laptop's region being started (right after the console starts, or a restart): wait
    // for it rather than fail with "not running" a second before it answers.
    const starting = id === EMBEDDED_ID ? this.#embedded.startWait() : null;
    if (starting) return starting.then(() => this.clientFor(id));
    let c = this.#clients.get(id);
    if (!c) {
      c = this.#makeClient(id);
      this.#clients.set(id, c);
      c.catch(() => this.#clients.delete(id));
    }
    return c;
  }

  async #makeClient(id: string): Promise<MaasClient> {
    const p = this.#profile(id);
    if (p.kind === 'embedded' && !this.#embedded.running) {
      throw new ConsoleFailure('unavailable', `${EMBEDDED_NAME}: the embedded region is not running${p.healthMessage ? ` (${p.healthMessage})` : ''}.`);
    }
    const key = await this.#d.keychain.get(id);
    if (!key) throw new ConsoleFailure('key-rejected', `The keychain holds no API key for "${p.name}": edit the connection and enter it.`);
    let api: ApiVersion | null = p.apiVersion;
    let root = p.url;
    if (!api) { const f = await mapped(() => discoverApi(p.url, { tls: trustOf(storedTlsOf(p)), ...this.#d.client })); api = f.apiVersion; root = f.root; }
    const apiVersion = api;
    return consoleClient(mappedSync(() => createMaasClient({ root, apiVersion, apiKey: key, label: p.name, tls: trustOf(storedTlsOf(p)),
      ...this.#d.client, onOutcome: (o) => { if (this.#callHealth.observed(id, o, this.#now())) this.#changed(); } })));
  }

  /** The embedded region is being started: its health says so, and its client waits for it. */
  embeddedStarting(): void {
    this.#embedded.starting();
    this.#d.store.update(EMBEDDED_ID, { health: 'unknown', healthMessage: 'The embedded region is starting.', lastChecked: this.#now() });
    this.#changed();
  }

  #startEmbedded: (() => Promise<void>) | null = null;
  /** How to (re)start the embedded region when the user checks a stopped This laptop. */
  setEmbeddedStarter(start: () => Promise<void>): void { this.#startEmbedded = start; }

  /** Re-checks one connection or all of them; records health and the time last reached. */
  async health(id?: string): Promise<ConnectionView[]> {
    // Checking a stopped This laptop by hand starts it again (the periodic watch does not).
    if (id === EMBEDDED_ID && !this.#embedded.running && this.#startEmbedded) await this.#startEmbedded();
    const targets = id ? [this.#profile(id)] : this.#d.store.all();
    await Promise.all(targets.map((p) => this.#checkHealth(p)));
    this.#changed();
    return id ? [this.view(id)] : this.list();
  }

  async #checkHealth(p: Profile): Promise<void> {
    const checked = this.#now();
    if (p.kind === 'embedded' && !this.#embedded.running) {
      this.#d.store.update(p.id, { health: 'offline', lastChecked: checked });
      return;
    }
    try {
      const c = await this.clientFor(p.id);
      await c.checkKey();
      this.#d.store.update(p.id, { health: 'online', healthMessage: null, lastReached: this.#now(), lastChecked: checked });
    } catch (e) {
      const v = verdictOf(e);
      this.#d.store.update(p.id, { health: v.health, healthMessage: v.message, lastChecked: checked });
    }
  }

  /** The embedded region's supervisor reports where it runs (or that it stopped and why). */
  async setEmbedded(state: { url: string } | { stopped: string }): Promise<void> {
    await this.#dropClient(EMBEDDED_ID);
    if ('url' in state) {
      this.#d.store.update(EMBEDDED_ID, { url: state.url, apiVersion: '1.0', health: 'online', healthMessage: null, lastReached: this.#now(), lastChecked: this.#now() });
    } else {
      this.#d.store.update(EMBEDDED_ID, { health: 'offline', healthMessage: state.stopped, lastChecked: this.#now() });
    }
    this.#embedded.settled('url' in state);
    this.#changed();
  }

  /** Ids of profiles imported from a CLI file, by "path#name". */
  importedFrom(): Map<string, string> {
    return new Map(this.#d.store.all().filter((p) => p.importedFrom).map((p) => [p.importedFrom!, p.id]));
  }

  async close(): Promise<void> {
    for (const id of [...this.#clients.keys()]) await this.#dropClient(id);
  }
}
