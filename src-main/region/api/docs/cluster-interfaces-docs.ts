// describe/'s docs for the cluster's interfaces and boot images: the MAAS 1.8 API page's text for each action
// (test/fixtures/spec/maas-1.8-api.md; describe-docs.test.ts holds them equal to it).
import type { OpDocs } from '../../http/context';

/** Paragraphs the API page repeats word for word in more than one action. */
const INTERFACE_FIELDS = [
  'type interface:',
  'unicode',
  'param management:',
  'The service(s) MAAS should manage on this interface.',
  'type management:',
  'Vocabulary NODEGROUPINTERFACE_MANAGEMENT',
  'param subnet_mask:',
  'Subnet mask, e.g. 255.0.0.0.',
  'type subnet_mask:',
  'unicode (IP Address)',
  'param broadcast_ip:',
  'Broadcast address for this subnet.',
  'type broadcast_ip:',
  'unicode (IP Address)',
  'param router_ip:',
  'Address of default gateway.',
  'type router_ip:',
  'unicode (IP Address)',
  'param ip_range_low:',
  'Lowest dynamic IP address to assign to clients.',
  'type ip_range_low:',
  'unicode (IP Address)',
  'param ip_range_high:',
  'Highest dynamic IP address to assign to clients.',
  'type ip_range_high:',
  'unicode (IP Address)',
  'param static_ip_range_low:',
  'Lowest static IP address to assign to clients.',
  'type static_ip_range_low:',
  'unicode (IP Address)',
  'param static_ip_range_high:',
  'Highest static IP address to assign to clients.',
  'type static_ip_range_high:',
  'unicode (IP Address)',
].join('\n\n');

export const nodeGroupInterfacesDocs: OpDocs = {
  'GET list': 'List of NodeGroupInterfaces of a NodeGroup.',
  'POST new': [
    'Create a new NodeGroupInterface for this NodeGroup.',
    'param name:',
    'Name for the interface. Must be unique within this cluster. Only letters, digits, dashes, and colons are allowed.',
    'param ip:',
    'Static IP of the interface.',
    'type ip:',
    'unicode (IP Address)',
    'param interface:',
    'Name of the network interface that connects the cluster controller to this network.',
    INTERFACE_FIELDS,
    'Returns 404 if the node group (cluster) is not found. Returns 403 if the user does not have permission to access the interface.',
  ].join('\n\n'),
};

export const nodeGroupInterfaceDocs: OpDocs = {
  'GET':
    'List of NodeGroupInterfaces of a NodeGroup.\n\n' +
    'Returns 404 if the nodegroup (cluster) is not found.',
  'PUT': [
    'Update a specific NodeGroupInterface.',
    'param name:',
    'Identifying name for the cluster interface.',
    'param ip:',
    'Static IP of the interface.',
    'type ip:',
    'unicode (IP Address)',
    'param interface:',
    'Network interface.',
    INTERFACE_FIELDS,
    'Returns 404 if the nodegroup (cluster) is not found. Returns 403 if the user does not have permission to access the interface.',
  ].join('\n\n'),
  'DELETE':
    'Delete a specific NodeGroupInterface.\n\n' +
    'Returns 404 if the nodegroup (cluster) is not found. Returns 403 if the user does not have permission to access the interface.',
};

export const bootImagesDocs: OpDocs = {
  'GET':
    'List boot images.\n\n' +
    'Get a listing of a cluster’s boot images.\n\n' +
    'param uuid:\n\n' +
    'The UUID of the cluster for which the images should be listed.',
};
