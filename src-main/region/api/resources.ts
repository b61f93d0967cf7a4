// Every resource of the API, in one table: path template, Piston handler name, ops.
import type { Resource } from '../http/context';
import { json } from '../http/context';
import type { RegionCore } from '../region-core';
import { deviceOps, devicesOps } from './devices';
import { eventsOps } from './events';
import { fileOps, filesOps } from './files';
import { macOps, macsOps } from './macs';
import { maasOps } from './maas';
import { nodeOps } from './node';
import { nodegroupOps, nodegroupsOps } from './nodegroups';
import { nodesOps } from './nodes';
import { tagOps, tagsOps } from './tags';
import { accountOps, sshKeyOps, sshKeysOps, userOps, usersOps } from './users';
import { zoneOps, zonesOps } from './zones';
import { moreResources } from './resources-more';
import { accountDocs, sshKeyDocs, sshKeysDocs } from './docs/account-docs';
import { deviceDocs, devicesDocs } from './docs/devices-docs';
import { eventsDocs } from './docs/events-docs';
import { fileDocs, filesDocs } from './docs/files-docs';
import { maasDocs } from './docs/maas-docs';
import { nodeGroupDocs, nodeGroupsDocs } from './docs/nodegroups-docs';
import { nodeDocs, nodeMacDocs, nodeMacsDocs, nodesDocs } from './docs/nodes-docs';
import { tagDocs, tagsDocs } from './docs/tags-docs';
import { userDocs, usersDocs } from './docs/users-docs';
import { versionDocs } from './docs/version-docs';
import { zoneDocs, zonesDocs } from './docs/zones-docs';

/**
 * MAAS 1.8's version/ answer, advertising only what this region really does: it serves
 * networks, static IP reservation (ipaddresses, sticky IPs: Juju allocates addresses when it
 * sees static-ipaddresses) and devices in full. MAAS 1.8 also said ipv6-deployment-ubuntu:
 * IPv6 configuration of deployed Ubuntu nodes; this region installs no OS, so it does not.
 */
export const VERSION_INFO = {
  capabilities: ['networks-management', 'static-ipaddresses', 'devices-management'],
  version: '1.8.0',
  subversion: 'maas-console embedded region',
};

export function regionResources(core: RegionCore): Resource[] {
  return [
    { name: 'VersionHandler', docs: versionDocs, doc: 'Information about this MAAS instance.', path: 'version/', ops: { GET: () => json(VERSION_INFO) }, public: ['GET'] },
    { name: 'AccountHandler', docs: accountDocs, doc: 'Manage the current logged-in user.', path: 'account/', ops: accountOps(core) },
    { name: 'SSHKeysHandler', docs: sshKeysDocs, doc: 'Manage the collection of all the SSH keys in this MAAS.', path: 'account/prefs/sshkeys/', ops: sshKeysOps(core) },
    { name: 'SSHKeyHandler', docs: sshKeyDocs, doc: 'Manage an SSH key.', path: 'account/prefs/sshkeys/{keyid}/', ops: sshKeyOps(core) },
    { name: 'NodesHandler', docs: nodesDocs, doc: 'Manage the collection of all the nodes in the MAAS.', path: 'nodes/', ops: nodesOps(core), anonymous: ['POST new'] },
    { name: 'NodeHandler', docs: nodeDocs, doc: 'Manage an individual Node.', path: 'nodes/{system_id}/', ops: nodeOps(core) },
    { name: 'NodeMacsHandler', docs: nodeMacsDocs, doc: 'Manage MAC addresses for a given Node.', path: 'nodes/{system_id}/macs/', ops: macsOps(core) },
    { name: 'NodeMacHandler', docs: nodeMacDocs, doc: 'Manage a Node MAC address.', path: 'nodes/{system_id}/macs/{mac_address}/', ops: macOps(core) },
    { name: 'DevicesHandler', docs: devicesDocs, doc: 'Manage the collection of all the devices in the MAAS.', path: 'devices/', ops: devicesOps(core) },
    { name: 'DeviceHandler', docs: deviceDocs, doc: 'Manage an individual device.', path: 'devices/{system_id}/', ops: deviceOps(core) },
    { name: 'TagsHandler', docs: tagsDocs, doc: 'Manage the collection of all the Tags in this MAAS.', path: 'tags/', ops: tagsOps(core) },
    { name: 'TagHandler', docs: tagDocs, doc: 'Manage a Tag.', path: 'tags/{name}/', ops: tagOps(core) },
    { name: 'EventsHandler', docs: eventsDocs, doc: 'Retrieve filtered node events.', path: 'events/', ops: eventsOps(core) },
    { name: 'ZonesHandler', docs: zonesDocs, doc: 'Manage physical zones.', path: 'zones/', ops: zonesOps(core) },
    { name: 'ZoneHandler', docs: zoneDocs, doc: 'Manage a physical zone.', path: 'zones/{name}/', ops: zoneOps(core) },
    { name: 'MaasHandler', docs: maasDocs, doc: 'Manage the MAAS server.', path: 'maas/', ops: maasOps(core) },
    { name: 'UsersHandler', docs: usersDocs, doc: 'Manage the user accounts of this MAAS.', path: 'users/', ops: usersOps(core) },
    { name: 'UserHandler', docs: userDocs, doc: 'Manage a user account.', path: 'users/{username}/', ops: userOps(core) },
    { name: 'FilesHandler', docs: filesDocs, doc: 'Manage the collection of all the files in this MAAS.', path: 'files/', ops: filesOps(core), anonymous: ['GET get_by_key'] },
    { name: 'FileHandler', docs: fileDocs, doc: 'Manage a FileStorage object.', path: 'files/{filename}/', ops: fileOps(core) },
    { name: 'NodeGroupsHandler', docs: nodeGroupsDocs, doc: 'Manage the collection of all the nodegroups in this MAAS.', path: 'nodegroups/', ops: nodegroupsOps(core) },
    { name: 'NodeGroupHandler', docs: nodeGroupDocs, doc: 'Manage a NodeGroup.', path: 'nodegroups/{uuid}/', ops: nodegroupOps(core) },
    ...moreResources(core),
  ];
}
