// Sticky IP addresses (nodes/devices op=claim_sticky_ip_address) belong to a node: they go
// when the node is deleted, as MAAS's StaticIPAddress went with its MAC.
import type { Migration } from '../../../sqlite/migrate';

export const stickyIps: Migration = {
  version: 30,
  name: 'sticky-ips',
  up(db) {
    db.exec(`
      ALTER TABLE static_ips ADD COLUMN node_id INTEGER REFERENCES nodes(id) ON DELETE CASCADE;
      CREATE INDEX static_ips_node ON static_ips(node_id);
    `);
  },
};
