// describe/'s docs for devices: the MAAS 1.8 API page's text for each action
// (test/fixtures/spec/maas-1.8-api.md; describe-docs.test.ts holds them equal to it).
import type { OpDocs } from '../../http/context';

export const devicesDocs: OpDocs = {
  'GET list':
    'List devices visible to the user, optionally filtered by criteria.\n\n' +
    'param hostname:\n\n' +
    'An optional list of hostnames. Only devices with matching hostnames will be returned.\n\n' +
    'type hostname:\n\n' +
    'iterable\n\n' +
    'param mac_address:\n\n' +
    'An optional list of MAC addresses. Only devices with matching MAC addresses will be returned.\n\n' +
    'type mac_address:\n\n' +
    'iterable\n\n' +
    'param id:\n\n' +
    'An optional list of system ids. Only devices with matching system ids will be returned.\n\n' +
    'type id:\n\n' +
    'iterable',
  'POST new':
    'Create a new device.\n\n' +
    'param mac_addresses:\n\n' +
    'One or more MAC addresses for the device.\n\n' +
    'param hostname:\n\n' +
    'A hostname. If not given, one will be generated.\n\n' +
    'param parent:\n\n' +
    'The system id of the parent. Optional.',
};

export const deviceDocs: OpDocs = {
  'GET':
    'Read a specific device.\n\n' +
    'Returns 404 if the device is not found.',
  'PUT':
    'Update a specific device.\n\n' +
    'param hostname:\n\n' +
    'The new hostname for this device.\n\n' +
    'param parent:\n\n' +
    'Optional system_id to indicate this device’s parent. If the parent is already set and this parameter is omitted, the parent will be unchanged.\n\n' +
    'type hostname:\n\n' +
    'unicode\n\n' +
    'Returns 404 if the device is not found. Returns 403 if the user does not have permission to update the device.',
  'DELETE':
    'Delete a specific Device.\n\n' +
    'Returns 404 if the device is not found. Returns 403 if the user does not have permission to delete the device. Returns 204 if the device is successfully deleted.',
  'POST claim_sticky_ip_address':
    'Assign a “sticky” IP address to a device’s MAC.\n\n' +
    'param mac_address:\n\n' +
    'Optional MAC address on the device on which to assign the sticky IP address. If not passed, defaults to the primary MAC for the device.\n\n' +
    'param requested_address:\n\n' +
    'Optional IP address to claim. If this isn’t passed, this method will draw an IP address from the static range of the cluster interface this MAC is related to. If passed, this method lets you associate any IP address with a MAC address if the MAC isn’t related to a cluster interface.\n\n' +
    'Returns 404 if the device is not found. Returns 400 if the mac_address is not found on the device. Returns 503 if there are not enough IPs left on the cluster interface to which the mac_address is linked. Returns 503 if the requested_address falls in a dynamic range. Returns 503 if the requested_address falls in a dynamic range. Returns 503 if the requested_address is already allocated.',
  'POST release_sticky_ip_address':
    'Release a “sticky” IP address from a device’s MAC.\n\n' +
    'param address:\n\n' +
    'Optional IP address to release. If left unspecified, will release every “sticky” IP address associated with the device.\n\n' +
    'Returns 400 if the specified addresses could not be deallocated Returns 404 if the device is not found.',
};
