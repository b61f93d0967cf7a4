// Notes taken at capture ("PSU 2 dead", "asset 4471"), kept beside the region's node by its
// system id: MAAS 1.8 nodes have no free-text field, and notes are not secrets.
import type { SettingsDb } from '../../connections/settings-db';

export class NotesStore {
  #get; #set; #all;
  constructor(db: SettingsDb) {
    this.#get = db.prepare<[string], { notes: string }>('SELECT notes FROM fieldkit_notes WHERE system_id = ?');
    this.#set = db.prepare('INSERT INTO fieldkit_notes (system_id, notes) VALUES (?, ?) ON CONFLICT (system_id) DO UPDATE SET notes = excluded.notes');
    this.#all = db.prepare<[], { system_id: string; notes: string }>('SELECT system_id, notes FROM fieldkit_notes');
  }
  get(systemId: string): string { return this.#get.get(systemId)?.notes ?? ''; }
  set(systemId: string, notes: string): void { this.#set.run(systemId, notes); }
  all(): Map<string, string> { return new Map(this.#all.all().map((r) => [r.system_id, r.notes])); }
}
