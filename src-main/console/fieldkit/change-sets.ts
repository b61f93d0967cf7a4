// Offline change sets in the settings database: recorded while a remote server is out of
// reach, listed and editable in place, then reviewed and applied (change-apply.ts). A BMC
// secret in a recorded power change goes to the OS keychain (account change-set-item:{id});
// the row keeps MASK in its place, so the settings database never holds one.
import { randomUUID } from 'node:crypto';
import type { ChangeSpec, ChangeState, RecordedChange } from '../../../src-shared/contract/change-sets';
import { ConsoleFailure } from '../../../src-shared/contract/errors';
import { MASK } from '../../../src-shared/inventory/power-secrets';
import { isSecretPowerParameter } from '../../../src-shared/maas/power-secrets';
import type { SettingsDb } from '../../connections/settings-db';
import type { Keychain } from '../../connections/keychain';

interface Row { id: number; spec_json: string; hostname: string | null; status_at_record: number | null; recorded_at: string; state: ChangeState; message: string | null; batch: string | null }

export const secretAccount = (id: number) => `change-set-item:${id}`;

/** A change's secrets are in the keychain exactly when its stored parameters hold a MASK. */
export const holdsSecrets = (s: ChangeSpec) => s.kind === 'set-power' && Object.values(s.parameters).includes(MASK);

/**
 * The spec as stored (secrets replaced by MASK) and the secrets to keep. A MASK given for a
 * secret means "unchanged": the secret already kept (`kept`) stays, otherwise the parameter
 * is left out and the server keeps its own value.
 */
export function splitSecrets(s: ChangeSpec, kept: Record<string, string> = {}): { stored: ChangeSpec; secrets: Record<string, string> } {
  if (s.kind !== 'set-power') return { stored: s, secrets: {} };
  const parameters: Record<string, string> = {};
  const secrets: Record<string, string> = {};
  for (const [k, v] of Object.entries(s.parameters)) {
    if (!isSecretPowerParameter(k) || v === '') parameters[k] = v;
    else if (v !== MASK) { secrets[k] = v; parameters[k] = MASK; }
    else if (kept[k] !== undefined) { secrets[k] = kept[k]; parameters[k] = MASK; }
  }
  return { stored: { ...s, parameters }, secrets };
}

/** What a change acts on: a node, an existing tag, or nothing yet (a new tag). */
const targetOf = (s: ChangeSpec) => ('systemId' in s ? s.systemId : s.kind === 'update-tag' || s.kind === 'delete-tag' ? s.tag : null);
const sameTarget = (a: ChangeSpec, b: ChangeSpec) => a.kind === b.kind && targetOf(a) === targetOf(b);

export class ChangeSetStore {
  #insert; #list; #one; #remove; #set; #spec; #waiting;
  /** Called after every change to a change set (the header's counts, an open panel). */
  onChange: (connectionId: string) => void = () => undefined;
  constructor(private db: SettingsDb, private keychain: Keychain) {
    this.#insert = db.prepare(`INSERT INTO change_set_items (connection_id, spec_json, hostname, status_at_record, recorded_at, state, batch)
      VALUES (?, ?, ?, ?, ?, 'recorded', ?)`);
    this.#waiting = db.prepare<[], { connection_id: string; n: number }>(`SELECT connection_id, COUNT(*) AS n FROM change_set_items
      WHERE state = 'recorded' GROUP BY connection_id ORDER BY connection_id`);
    this.#list = db.prepare<[string], Row>('SELECT * FROM change_set_items WHERE connection_id = ? ORDER BY id');
    this.#one = db.prepare<[string, number], Row>('SELECT * FROM change_set_items WHERE connection_id = ? AND id = ?');
    this.#remove = db.prepare('DELETE FROM change_set_items WHERE connection_id = ? AND id = ?');
    this.#set = db.prepare('UPDATE change_set_items SET state = ?, message = ? WHERE id = ?');
    this.#spec = db.prepare(`UPDATE change_set_items SET spec_json = ?, state = 'recorded', message = NULL WHERE id = ?`);
  }

  changes(connectionId: string): RecordedChange[] {
    return this.#list.all(connectionId).map(toChange);
  }

  /** Changes still to apply, per server that has any. */
  waiting(): { connectionId: string; waiting: number }[] {
    return this.#waiting.all().map((r) => ({ connectionId: r.connection_id, waiting: r.n }));
  }

  one(connectionId: string, id: number): RecordedChange | null {
    const r = this.#one.get(connectionId, id);
    return r ? toChange(r) : null;
  }

  async record(connectionId: string, specs: ChangeSpec[], known: Record<string, { hostname: string; status: number }>, at: string): Promise<void> {
    const split = specs.map((s) => splitSecrets(s));
    // One action on several nodes is one entry; an edit of one node (hostname and power) stays two.
    const batch = new Set(specs.map((x) => ('systemId' in x ? x.systemId : null))).size > 1 ? randomUUID() : null;
    const ids = this.db.transaction(() => split.map(({ stored }) => {
      const k = 'systemId' in stored ? known[stored.systemId] : undefined;
      return Number(this.#insert.run(connectionId, JSON.stringify(stored), k?.hostname ?? null, k?.status ?? null, at, batch).lastInsertRowid);
    }))();
    try {
      for (const [i, { secrets }] of split.entries()) if (Object.keys(secrets).length) await this.keychain.set(secretAccount(ids[i]), JSON.stringify(secrets));
    } catch (e) {
      // Nothing half-recorded: without its secret a power change would apply something else.
      await this.remove(connectionId, ids).catch(() => undefined);
      throw e;
    }
    this.onChange(connectionId);
  }

  /** Edits a recorded or failed change: same kind and node, new values; it is recorded again. */
  async update(connectionId: string, id: number, spec: ChangeSpec): Promise<void> {
    const old = this.one(connectionId, id);
    if (!old) throw new ConsoleFailure('not-found', `There is no change ${id} in this change set.`);
    if (old.state !== 'recorded' && old.state !== 'failed') throw new ConsoleFailure('bad-input', `Change ${id} is ${old.state}: only a recorded or failed change can be edited.`);
    if (!sameTarget(old.spec, spec)) throw new ConsoleFailure('bad-input', `Change ${id} is ${describe(old.spec)}: its kind and the node or tag it acts on cannot change (remove it and record another).`);
    const { stored, secrets } = splitSecrets(spec, holdsSecrets(old.spec) ? await this.secrets(id) : {});
    if (Object.keys(secrets).length) await this.keychain.set(secretAccount(id), JSON.stringify(secrets));
    else if (holdsSecrets(old.spec)) await this.keychain.delete(secretAccount(id));
    this.#spec.run(JSON.stringify(stored), id);
    this.onChange(connectionId);
  }

  async remove(connectionId: string, ids: number[]): Promise<void> {
    const gone = ids.map((id) => this.one(connectionId, id)).filter((c): c is RecordedChange => c !== null);
    for (const c of gone) if (holdsSecrets(c.spec)) await this.keychain.delete(secretAccount(c.id));
    this.db.transaction(() => gone.forEach((c) => this.#remove.run(connectionId, c.id)))();
    if (gone.length) this.onChange(connectionId);
  }

  /** A removed connection's whole change set, with its secrets. */
  async removeAll(connectionId: string): Promise<void> {
    await this.remove(connectionId, this.changes(connectionId).map((c) => c.id));
  }

  /** The secrets a recorded power change keeps in the keychain ({} when none). */
  async secrets(id: number): Promise<Record<string, string>> {
    const json = await this.keychain.get(secretAccount(id));
    return json ? (JSON.parse(json) as Record<string, string>) : {};
  }

  /** Applied (or already true): its secrets are no longer needed. */
  async forgetSecrets(c: RecordedChange): Promise<void> {
    if (holdsSecrets(c.spec)) await this.keychain.delete(secretAccount(c.id));
  }

  /** An apply's outcome for one change (the apply reports the change set once it ends). */
  set(id: number, state: ChangeState, message: string | null): void { this.#set.run(state, message, id); }
}

function toChange(r: Row): RecordedChange {
  return { id: r.id, spec: JSON.parse(r.spec_json) as ChangeSpec, hostname: r.hostname, statusAtRecord: r.status_at_record,
    recordedAt: r.recorded_at, state: r.state, message: r.message, batch: r.batch };
}

function describe(s: ChangeSpec): string {
  return 'systemId' in s ? `${s.kind} on ${s.systemId}` : `${s.kind} ${s.tag}`;
}
