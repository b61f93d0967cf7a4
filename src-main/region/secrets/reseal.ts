// Values sealed by an older version were bound to their column only; this step, run when
// the region opens (it needs the key, which schema migrations do not have), opens each one
// with its old binding and seals it again bound to its row. Idempotent: only version 1
// values are touched, all in one transaction.
import type { Database } from 'better-sqlite3';
import { SecretBox } from './cipher';
import { sealedColumns } from './places';

export function resealLegacySecrets(db: Database, box: SecretBox): number {
  let n = 0;
  db.transaction(() => {
    for (const c of sealedColumns) {
      const rows = db.prepare(`SELECT id, ${c.column} AS v FROM ${c.table} WHERE ${c.column} IS NOT NULL AND substr(${c.column}, 1, 1) = x'01'`)
        .all() as { id: number; v: Buffer }[];
      const update = db.prepare(`UPDATE ${c.table} SET ${c.column} = ? WHERE id = ?`);
      for (const r of rows) {
        if (!SecretBox.isLegacy(r.v)) continue;
        update.run(box.seal(box.openLegacy(r.v, c.legacyPurpose), { table: c.table, column: c.column, rowId: r.id }), r.id);
        n++;
      }
    }
  }).immediate();
  return n;
}
