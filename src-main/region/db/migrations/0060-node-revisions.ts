// A revision per node, raised by SQLite itself whenever anything a node's API representation
// shows changes: its row, its MACs, tags (membership or a tag's name), sticky IPs, its owner's
// name. nodes op=list keeps each node's JSON and rebuilds only nodes whose revision moved
// (api/node-list-cache.ts); triggers mean no write path, in this process or another, can
// forget. (Zones are checked by the cache itself: their JSON is built outside SQL.)
import type { Migration } from '../../../sqlite/migrate';

const bump = (ids: string) => `UPDATE nodes SET rev = rev + 1 WHERE id IN (${ids});`;

export const nodeRevisions: Migration = {
  version: 60,
  name: 'node-revisions',
  up(db) {
    db.exec(`
      ALTER TABLE nodes ADD COLUMN rev INTEGER NOT NULL DEFAULT 0;
      CREATE TRIGGER node_rev_row AFTER UPDATE ON nodes WHEN NEW.rev = OLD.rev BEGIN ${bump('NEW.id')} END;
      CREATE TRIGGER node_rev_mac_added AFTER INSERT ON macs BEGIN ${bump('NEW.node_id')} END;
      CREATE TRIGGER node_rev_mac_removed AFTER DELETE ON macs BEGIN ${bump('OLD.node_id')} END;
      CREATE TRIGGER node_rev_mac_changed AFTER UPDATE ON macs BEGIN ${bump('OLD.node_id, NEW.node_id')} END;
      CREATE TRIGGER node_rev_tagged AFTER INSERT ON node_tags BEGIN ${bump('NEW.node_id')} END;
      CREATE TRIGGER node_rev_untagged AFTER DELETE ON node_tags BEGIN ${bump('OLD.node_id')} END;
      CREATE TRIGGER node_rev_tag_changed AFTER UPDATE ON node_tags BEGIN ${bump('OLD.node_id, NEW.node_id')} END;
      CREATE TRIGGER node_rev_tag_renamed AFTER UPDATE OF name ON tags BEGIN ${bump('SELECT node_id FROM node_tags WHERE tag_id = NEW.id')} END;
      CREATE TRIGGER node_rev_ip_added AFTER INSERT ON static_ips WHEN NEW.node_id IS NOT NULL BEGIN ${bump('NEW.node_id')} END;
      CREATE TRIGGER node_rev_ip_removed AFTER DELETE ON static_ips WHEN OLD.node_id IS NOT NULL BEGIN ${bump('OLD.node_id')} END;
      CREATE TRIGGER node_rev_ip_changed AFTER UPDATE ON static_ips BEGIN ${bump('OLD.node_id, NEW.node_id')} END;
      CREATE TRIGGER node_rev_owner_renamed AFTER UPDATE OF username ON users BEGIN ${bump('SELECT id FROM nodes WHERE owner_id = NEW.id')} END;
    `);
  },
};
