// describe/'s docs for networks: the MAAS 1.8 API page's text for each action
// (test/fixtures/spec/maas-1.8-api.md; describe-docs.test.ts holds them equal to it).
import type { OpDocs } from '../../http/context';

/** Paragraphs the API page repeats word for word in more than one action. */
const NETWORK_FIELDS = [
  'param name:',
  'A simple name for the network, to make it easier to refer to. Must consist only of letters, digits, dashes, and underscores.',
  'param ip:',
  'Base IP address for the network, e.g. 10.1.0.0. The host bits will be zeroed.',
  'param netmask:',
  'Subnet mask to indicate which parts of an IP address are part of the network address. For example, 255.255.255.0.',
  'param vlan_tag:',
  'Optional VLAN tag: a number between 1 and 0xffe (4094) inclusive, or zero for an untagged network.',
  'param description:',
  'Detailed description of the network for the benefit of users and administrators.',
].join('\n\n');

export const networksDocs: OpDocs = {
  'GET':
    'List networks.\n\n' +
    'param node:\n\n' +
    'Optionally, nodes which must be attached to any returned networks. If more than one node is given, the result will be restricted to networks that these nodes have in common.',
  'POST': [
    'Define a network.',
    NETWORK_FIELDS,
  ].join('\n\n'),
};

export const networkDocs: OpDocs = {
  'GET': 'Read network definition.',
  'PUT': [
    'Update network definition.',
    NETWORK_FIELDS,
  ].join('\n\n'),
  'DELETE':
    'Delete network definition.\n\n' +
    'A network cannot be deleted while it still has nodes attached to it.',
  'GET list_connected_macs':
    'Returns the list of MAC addresses connected to this network.\n\n' +
    'Only MAC addresses for nodes visible to the requesting user are returned.',
  'POST connect_macs':
    'Connect the given MAC addresses to this network.\n\n' +
    'These MAC addresses must belong to nodes in the MAAS, and have been registered as such in MAAS.\n\n' +
    'Connecting a network interface to a network which it is already connected to does nothing.\n\n' +
    'param macs:\n\n' +
    'A list of node MAC addresses, in text form.',
  'POST disconnect_macs':
    'Disconnect the given MAC addresses from this network.\n\n' +
    'Removing a MAC address from a network which it is not connected to does nothing.\n\n' +
    'param macs:\n\n' +
    'A list of node MAC addresses, in text form.',
};
