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

/** What MAAS 1.8's version/ said; we advertise only what this region really does. */
export const VERSION_INFO = { capabilities: ['devices-management'], version: '1.8.0', subversion: 'maas-console embedded region' };

export function regionResources(core: RegionCore): Resource[] {
  return [
    { name: 'VersionHandler', doc: 'Information about this MAAS instance.', path: 'version/', ops: { GET: () => json(VERSION_INFO) }, public: ['GET'] },
    { name: 'AccountHandler', doc: 'Manage the current logged-in user.', path: 'account/', ops: accountOps(core) },
    { name: 'SSHKeysHandler', doc: 'Manage the collection of all the SSH keys in this MAAS.', path: 'account/prefs/sshkeys/', ops: sshKeysOps(core) },
    { name: 'SSHKeyHandler', doc: 'Manage an SSH key.', path: 'account/prefs/sshkeys/{keyid}/', ops: sshKeyOps(core) },
    { name: 'NodesHandler', doc: 'Manage the collection of all the nodes in the MAAS.', path: 'nodes/', ops: nodesOps(core), anonymous: ['POST new'] },
    { name: 'NodeHandler', doc: 'Manage an individual Node.', path: 'nodes/{system_id}/', ops: nodeOps(core) },
    { name: 'NodeMacsHandler', doc: 'Manage MAC addresses for a given Node.', path: 'nodes/{system_id}/macs/', ops: macsOps(core) },
    { name: 'NodeMacHandler', doc: 'Manage a Node MAC address.', path: 'nodes/{system_id}/macs/{mac_address}/', ops: macOps(core) },
    { name: 'DevicesHandler', doc: 'Manage the collection of all the devices in the MAAS.', path: 'devices/', ops: devicesOps(core) },
    { name: 'DeviceHandler', doc: 'Manage an individual device.', path: 'devices/{system_id}/', ops: deviceOps(core) },
    { name: 'TagsHandler', doc: 'Manage the collection of all the Tags in this MAAS.', path: 'tags/', ops: tagsOps(core) },
    { name: 'TagHandler', doc: 'Manage a Tag.', path: 'tags/{name}/', ops: tagOps(core) },
    { name: 'EventsHandler', doc: 'Retrieve filtered node events.', path: 'events/', ops: eventsOps(core) },
    { name: 'ZonesHandler', doc: 'Manage physical zones.', path: 'zones/', ops: zonesOps(core) },
    { name: 'ZoneHandler', doc: 'Manage a physical zone.', path: 'zones/{name}/', ops: zoneOps(core) },
    { name: 'MaasHandler', doc: 'Manage the MAAS server.', path: 'maas/', ops: maasOps(core) },
    { name: 'UsersHandler', doc: 'Manage the user accounts of this MAAS.', path: 'users/', ops: usersOps(core) },
    { name: 'UserHandler', doc: 'Manage a user account.', path: 'users/{username}/', ops: userOps(core) },
    { name: 'FilesHandler', doc: 'Manage the collection of all the files in this MAAS.', path: 'files/', ops: filesOps(core), anonymous: ['GET get_by_key'] },
    { name: 'FileHandler', doc: 'Manage a FileStorage object.', path: 'files/{filename}/', ops: fileOps(core) },
    { name: 'NodeGroupsHandler', doc: 'Manage the collection of all the nodegroups in this MAAS.', path: 'nodegroups/', ops: nodegroupsOps(core) },
    { name: 'NodeGroupHandler', doc: 'Manage a NodeGroup.', path: 'nodegroups/{uuid}/', ops: nodegroupOps(core) },
    ...moreResources(core),
  ];
}
