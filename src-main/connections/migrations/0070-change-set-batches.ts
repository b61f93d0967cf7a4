// The changes one action recorded (a bulk action on 100 nodes) share a batch id, so the
// change set shows them as one entry. Changes recorded before have none: each its own entry.
import type { Migration } from '../../sqlite/migrate';

export const changeSetBatches: Migration = {
  version: 70,
  name: 'change set batches',
  up(db) {
    db.exec('ALTER TABLE change_set_items ADD COLUMN batch TEXT');
  },
};
