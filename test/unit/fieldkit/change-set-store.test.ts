// The change set store: secrets of power changes in the keychain (MASK in the row), edits in
// place (values only; a masked secret kept, a typed one replaced, an emptied one dropped),
// removal and "applied" forgetting the keychain entry, and nothing half-recorded when the
// keychain refuses.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { memoryKeychain } from '../../../src-main/connections/keychain';
import { openSettingsDb, type SettingsDb } from '../../../src-main/connections/settings-db';
import { ChangeSetStore, secretAccount } from '../../../src-main/console/fieldkit/change-sets';
import type { ChangeSpec } from '../../../src-shared/contract/change-sets';
import { ConsoleFailure } from '../../../src-shared/contract/errors';
import { MASK } from '../../../src-shared/inventory/power-secrets';

let dir: string;
let db: SettingsDb;
let keychain: ReturnType<typeof memoryKeychain>;
let store: ChangeSetStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'change-store-'));
  db = openSettingsDb(dir);
  keychain = memoryKeychain();
  store = new ChangeSetStore(db, keychain);
});
afterEach(() => { db.close(); rmSync(dir, { recursive: true, force: true }); });

const power = (parameters: Record<string, string>): ChangeSpec => ({ kind: 'set-power', systemId: 'n1', powerType: 'ipmi', parameters });
const rawSpecs = () => (db.prepare('SELECT spec_json FROM change_set_items ORDER BY id').all() as { spec_json: string }[]).map((r) => r.spec_json).join('\n');

test('a secret goes to the keychain, the row keeps MASK; a MASK given for a secret not kept leaves it out', async () => {
  await store.record('c', [power({ power_address: '10.0.0.1', power_pass: 'pw-1', snmp_community: MASK, power_key: '' })], {}, 'now');
  const [c] = store.changes('c');
  expect(c.spec).toEqual(power({ power_address: '10.0.0.1', power_pass: MASK, power_key: '' }));
  expect(JSON.parse(keychain.entries.get(secretAccount(c.id))!)).toEqual({ power_pass: 'pw-1' });
  expect(rawSpecs()).not.toContain('pw-1');
  expect(await store.secrets(c.id)).toEqual({ power_pass: 'pw-1' });
});

test('edited in place: masked secret kept, typed one replaced, emptied one dropped with its entry', async () => {
  await store.record('c', [power({ power_address: '10.0.0.1', power_pass: 'pw-1' })], {}, 'now');
  const id = store.changes('c')[0].id;
  await store.update('c', id, power({ power_address: '10.0.0.2', power_pass: MASK }));
  expect(store.changes('c')[0].spec).toEqual(power({ power_address: '10.0.0.2', power_pass: MASK }));
  expect(await store.secrets(id)).toEqual({ power_pass: 'pw-1' });
  await store.update('c', id, power({ power_address: '10.0.0.2', power_pass: 'pw-2' }));
  expect(await store.secrets(id)).toEqual({ power_pass: 'pw-2' });
  await store.update('c', id, power({ power_address: '10.0.0.2', power_pass: '' }));
  expect(keychain.entries.has(secretAccount(id))).toBe(false);
  expect(store.changes('c')[0].spec).toEqual(power({ power_address: '10.0.0.2', power_pass: '' }));
});

test('an edit keeps the kind and node; a done change cannot be edited; a failed one is recorded again', async () => {
  await store.record('c', [{ kind: 'set-zone', systemId: 'n1', zone: 'a' }, { kind: 'create-tag', tag: 't' }], {}, 'now');
  const [zone, tag] = store.changes('c');
  const refused = (p: Promise<void>) => p.then(() => null, (e: ConsoleFailure) => e.code);
  expect(await refused(store.update('c', zone.id, { kind: 'set-zone', systemId: 'n2', zone: 'b' }))).toBe('bad-input');
  expect(await refused(store.update('c', zone.id, { kind: 'add-tag', systemId: 'n1', tag: 'b' }))).toBe('bad-input');
  expect(await refused(store.update('other', zone.id, { kind: 'set-zone', systemId: 'n1', zone: 'b' }))).toBe('not-found');
  await store.update('c', tag.id, { kind: 'create-tag', tag: 'renamed', definition: '//x' });
  store.set(zone.id, 'failed', 'HTTP 400');
  await store.update('c', zone.id, { kind: 'set-zone', systemId: 'n1', zone: 'b' });
  expect(store.changes('c').map((c) => [c.spec, c.state, c.message])).toEqual([
    [{ kind: 'set-zone', systemId: 'n1', zone: 'b' }, 'recorded', null],
    [{ kind: 'create-tag', tag: 'renamed', definition: '//x' }, 'recorded', null]]);
  store.set(zone.id, 'done', 'ok');
  expect(await refused(store.update('c', zone.id, { kind: 'set-zone', systemId: 'n1', zone: 'c' }))).toBe('bad-input');
});

test('removed or applied: the keychain entry goes; a keychain that refuses records nothing', async () => {
  await store.record('c', [power({ power_pass: 'a' }), power({ power_pass: 'b' })], {}, 'now');
  const [one, two] = store.changes('c');
  await store.remove('c', [one.id]);
  expect(keychain.entries.has(secretAccount(one.id))).toBe(false);
  await store.forgetSecrets(two);
  expect(keychain.entries.size).toBe(0);

  const broken = new ChangeSetStore(db, { ...keychain, set: async () => { throw new ConsoleFailure('keychain', 'locked'); } });
  await expect(broken.record('d', [{ kind: 'accept', systemId: 'n1' }, power({ power_pass: 'c' })], {}, 'now')).rejects.toThrow('locked');
  expect(store.changes('d')).toEqual([]);
});
