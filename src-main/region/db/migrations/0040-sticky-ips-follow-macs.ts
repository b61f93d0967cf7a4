// A sticky IP belongs to one MAC of its node: removing the MAC (nodes/{id}/macs/{mac}/
// DELETE) releases it, as MAAS's StaticIPAddress went with its MACAddress.
import type { Migration } from '../../../sqlite/migrate';

export const stickyIpsFollowMacs: Migration = {
  version: 40,
  name: 'sticky-ips-follow-macs',
  up(db) {
    db.exec(`
      CREATE TRIGGER static_ips_mac_removed AFTER DELETE ON macs BEGIN
        DELETE FROM static_ips WHERE node_id = OLD.node_id AND mac_address = OLD.mac;
      END;
    `);
  },
};
