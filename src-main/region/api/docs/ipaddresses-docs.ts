// describe/'s docs for IP addresses: the MAAS 1.8 API page's text for each action
// (test/fixtures/spec/maas-1.8-api.md; describe-docs.test.ts holds them equal to it).
import type { OpDocs } from '../../http/context';

export const ipAddressesDocs: OpDocs = {
  'GET':
    'List IPAddresses.\n\n' +
    'Get a listing of all IPAddresses allocated to the requesting user.',
  'POST reserve':
    'Reserve an IP address for use outside of MAAS.\n\n' +
    'Returns an IP adddress, which MAAS will not allow any of its known devices and Nodes to use; it is free for use by the requesting user until released by the user.\n\n' +
    'The user may supply either a range matching the subnet of an existing cluster interface, or a specific IP address within the static IP address range on a cluster interface.\n\n' +
    'param network:\n\n' +
    'CIDR representation of the network on which the IP reservation is required. e.g. 10.1.2.0/24\n\n' +
    'param requested_address:\n\n' +
    'the requested address, which must be within a static IP address range managed by MAAS.\n\n' +
    'param hostname:\n\n' +
    'the hostname to use for the specified IP address\n\n' +
    'type network:\n\n' +
    'unicode\n\n' +
    'Returns 400 if there is no network in MAAS matching the provided one, or a requested_address is supplied, but a corresponding network could not be found. Returns 503 if there are no more IP addresses available.',
  'POST release':
    'Release an IP address that was previously reserved by the user.\n\n' +
    'param ip:\n\n' +
    'The IP address to release.\n\n' +
    'type ip:\n\n' +
    'unicode\n\n' +
    'Returns 404 if the provided IP address is not found.',
};
