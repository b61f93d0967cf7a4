// Push journals in the settings database: the plan of each push and, per node, how far it
// got. Written after every step, so a push cut off (server gone, app closed) resumes from
// the journal; prepared statements once (STYLE.md §4).
import type { SettingsDb } from '../../connections/settings-db';
import type { PushCounts, PushItemOutcome, PushItemState, PushReport, PushState } from '../../../src-shared/contract/fieldkit';

interface PushRow {
  id: string; target_id: string; target_name: string; state: PushState; created_at: string;
  finished_at: string | null; stop_reason: string | null; zones_json: string; tags_json: string;
}
interface ItemRow {
  source_id: string; hostname: string; macs_json: string; verdict: PushItemOutcome['verdict']; target_id: string | null;
  fields_json: string; reason: string | null; state: PushItemState; message: string | null;
}

const toItem = (r: ItemRow): PushItemOutcome => ({
  sourceId: r.source_id, hostname: r.hostname, macs: JSON.parse(r.macs_json) as string[], verdict: r.verdict,
  targetId: r.target_id, fields: JSON.parse(r.fields_json) as PushItemOutcome['fields'], reason: r.reason,
  state: r.state, message: r.message,
});

export function countsOf(items: readonly PushItemOutcome[]): PushCounts {
  const c: PushCounts = { create: 0, identical: 0, update: 0, conflict: 0, done: 0, failed: 0, pending: 0 };
  for (const i of items) {
    c[i.verdict]++;
    if (i.state === 'done') c.done++;
    else if (i.state === 'failed') c.failed++;
    else if (i.state === 'pending' || i.state === 'created') c.pending++;
  }
  return c;
}

export class PushJournal {
  #insertPush; #insertItem; #push; #items; #pushes; #setItem; #setState;

  constructor(private db: SettingsDb) {
    this.#insertPush = db.prepare(`INSERT INTO fieldkit_pushes (id, target_id, target_name, state, created_at, zones_json, tags_json)
      VALUES (@id, @targetId, @targetName, 'planned', @createdAt, @zones, @tags)`);
    this.#insertItem = db.prepare(`INSERT INTO fieldkit_push_items (push_id, ord, source_id, hostname, macs_json, verdict, target_id, fields_json, reason, state)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.#push = db.prepare<[string], PushRow>('SELECT * FROM fieldkit_pushes WHERE id = ?');
    this.#items = db.prepare<[string], ItemRow>('SELECT * FROM fieldkit_push_items WHERE push_id = ? ORDER BY ord');
    this.#pushes = db.prepare<[], PushRow>('SELECT * FROM fieldkit_pushes ORDER BY created_at DESC LIMIT 50');
    this.#setItem = db.prepare(`UPDATE fieldkit_push_items SET state = @state, target_id = @targetId, message = @message,
      verdict = @verdict, fields_json = @fields, reason = @reason WHERE push_id = @pushId AND source_id = @sourceId`);
    this.#setState = db.prepare(`UPDATE fieldkit_pushes SET state = @state, finished_at = @finishedAt, stop_reason = @stopReason WHERE id = @id`);
  }

  create(p: { id: string; targetId: string; targetName: string; createdAt: string; zones: string[]; tags: string[]; items: PushItemOutcome[] }): void {
    this.db.transaction(() => {
      this.#insertPush.run({ ...p, zones: JSON.stringify(p.zones), tags: JSON.stringify(p.tags) });
      p.items.forEach((i, n) => this.#insertItem.run(p.id, n, i.sourceId, i.hostname, JSON.stringify(i.macs), i.verdict,
        i.targetId, JSON.stringify(i.fields), i.reason, i.verdict === 'conflict' ? 'conflict' : 'pending'));
    })();
  }

  report(id: string): PushReport | null {
    const p = this.#push.get(id);
    if (!p) return null;
    const items = this.#items.all(id).map(toItem);
    return {
      pushId: p.id, targetId: p.target_id, targetName: p.target_name, state: p.state, createdAt: p.created_at,
      finishedAt: p.finished_at, stopReason: p.stop_reason, zonesToCreate: JSON.parse(p.zones_json) as string[],
      tagsToCreate: JSON.parse(p.tags_json) as string[], items, counts: countsOf(items),
    };
  }

  all(): PushReport[] { return this.#pushes.all().map((p) => this.report(p.id)!); }

  setItem(pushId: string, i: PushItemOutcome): void {
    this.#setItem.run({ pushId, sourceId: i.sourceId, state: i.state, targetId: i.targetId, message: i.message,
      verdict: i.verdict, fields: JSON.stringify(i.fields), reason: i.reason });
  }

  setState(id: string, state: PushState, o: { finishedAt?: string | null; stopReason?: string | null } = {}): void {
    this.#setState.run({ id, state, finishedAt: o.finishedAt ?? null, stopReason: o.stopReason ?? null });
  }
}
