// describe/'s docs for nodes and their MAC addresses: the MAAS 1.8 API page's text for each action
// (test/fixtures/spec/maas-1.8-api.md; describe-docs.test.ts holds them equal to it).
import type { OpDocs } from '../../http/context';

export const nodesDocs: OpDocs = {
  'GET list': 'List all nodes.',
  'POST new':
    'Create a new Node.\n\n' +
    'Adding a server to a MAAS puts it on a path that will wipe its disks and re-install its operating system, in the event that it PXE boots. In anonymous enlistment (and when the enlistment is done by a non-admin), the node is held in the “New” state for approval by a MAAS admin.\n\n' +
    'The minimum data required is: architecture=<arch string> (e.g. “i386/generic”) mac_addresses=<value> (e.g. “aa:bb:cc:dd:ee:ff”) autodetect_nodegroup=True\n\n' +
    'param architecture:\n\n' +
    'A string containing the architecture type of the node. (For example, “i386”, or “amd64”.) To determine the supported architectures, use the boot-resources endpoint.\n\n' +
    'param subarchitecture:\n\n' +
    'A string containing the subarchitecture type of the node. (For example, “generic” or “hwe-t”.) To determine the supported subarchitectures, use the boot-resources endpoint.\n\n' +
    'param mac_addresses:\n\n' +
    'One or more MAC addresses for the node. To specify more than one MAC address, the parameter must be specified twice. (such as “nodes new mac_addresses=01:02:03:04:05:06 mac_addresses=02:03:04:05:06:07”)\n\n' +
    'param hostname:\n\n' +
    'A hostname. If not given, one will be generated.\n\n' +
    'param power_type:\n\n' +
    'A power management type, if applicable (e.g. “virsh”, “ipmi”).\n\n' +
    'param autodetect_nodegroup:\n\n' +
    '(boolean) Whether or not to attempt nodegroup detection for this node. The nodegroup is determined based on the requestor’s IP address range. (if the API request comes from an IP range within a known nodegroup, that nodegroup will be used.)\n\n' +
    'param nodegroup:\n\n' +
    'The id of the nodegroup this node belongs to.',
  'POST accept':
    'Accept declared nodes into the MAAS.\n\n' +
    'Nodes can be enlisted in the MAAS anonymously or by non-admin users, as opposed to by an admin. These nodes are held in the New state; a MAAS admin must first verify the authenticity of these enlistments, and accept them.\n\n' +
    'Enlistments can be accepted en masse, by passing multiple nodes to this call. Accepting an already accepted node is not an error, but accepting one that is already allocated, broken, etc. is.\n\n' +
    'param nodes:\n\n' +
    'system_ids of the nodes whose enlistment is to be accepted. (An empty list is acceptable).\n\n' +
    'return:\n\n' +
    'The system_ids of any nodes that have their status changed by this call. Thus, nodes that were already accepted are excluded from the result.\n\n' +
    'Returns 400 if any of the nodes do not exist. Returns 403 if the user is not an admin.',
  'POST accept_all':
    'Accept all declared nodes into the MAAS.\n\n' +
    'Nodes can be enlisted in the MAAS anonymously or by non-admin users, as opposed to by an admin. These nodes are held in the New state; a MAAS admin must first verify the authenticity of these enlistments, and accept them.\n\n' +
    'return:\n\n' +
    'Representations of any nodes that have their status changed by this call. Thus, nodes that were already accepted are excluded from the result.',
  'POST release':
    'Release multiple nodes.\n\n' +
    'This places the nodes back into the pool, ready to be reallocated.\n\n' +
    'param nodes:\n\n' +
    'system_ids of the nodes which are to be released. (An empty list is acceptable).\n\n' +
    'return:\n\n' +
    'The system_ids of any nodes that have their status changed by this call. Thus, nodes that were already released are excluded from the result.\n\n' +
    'Returns 400 if any of the nodes cannot be found. Returns 403 if the user does not have permission to release any of the nodes. Returns a 409 if any of the nodes could not be released due to their current state.',
  'POST acquire':
    'Acquire an available node for deployment.\n\n' +
    'Constraints parameters can be used to acquire a node that possesses certain characteristics. All the constraints are optional and when multiple constraints are provided, they are combined using ‘AND’ semantics.\n\n' +
    'param name:\n\n' +
    'Hostname of the returned node.\n\n' +
    'type name:\n\n' +
    'unicode\n\n' +
    'param arch:\n\n' +
    'Architecture of the returned node (e.g. ‘i386/generic’, ‘amd64’, ‘armhf/highbank’, etc.).\n\n' +
    'type arch:\n\n' +
    'unicode\n\n' +
    'param cpu_count:\n\n' +
    'The minium number of CPUs the returned node must have.\n\n' +
    'type cpu_count:\n\n' +
    'int\n\n' +
    'param mem:\n\n' +
    'The minimum amount of memory (expressed in MB) the returned node must have.\n\n' +
    'type mem:\n\n' +
    'float\n\n' +
    'param tags:\n\n' +
    'List of tags the returned node must have.\n\n' +
    'type tags:\n\n' +
    'list of unicodes\n\n' +
    'param not_tags:\n\n' +
    'List of tags the acquired node must not have.\n\n' +
    'type tags:\n\n' +
    'List of unicodes.\n\n' +
    'param connected_to:\n\n' +
    'List of routers’ MAC addresses the returned node must be connected to.\n\n' +
    'type connected_to:\n\n' +
    'unicode or list of unicodes\n\n' +
    'param networks:\n\n' +
    'List of networks (defined in MAAS) to which the node must be attached. A network can be identified by the name assigned to it in MAAS; or by an ip: prefix followed by any IP address that falls within the network; or a vlan: prefix followed by a numeric VLAN tag, e.g. vlan:23 for VLAN number 23. Valid VLAN tags must be in the range of 1 to 4095 inclusive.\n\n' +
    'type networks:\n\n' +
    'list of unicodes\n\n' +
    'param not_networks:\n\n' +
    'List of networks (defined in MAAS) to which the node must not be attached. The returned noded won’t be attached to any of the specified networks. A network can be identified by the name assigned to it in MAAS; or by an ip: prefix followed by any IP address that falls within the network; or a vlan: prefix followed by a numeric VLAN tag, e.g. vlan:23 for VLAN number 23. Valid VLAN tags must be in the range of 1 to 4095 inclusive.\n\n' +
    'type not_networks:\n\n' +
    'list of unicodes\n\n' +
    'param not_connected_to:\n\n' +
    'List of routers’ MAC Addresses the returned node must not be connected to.\n\n' +
    'type connected_to:\n\n' +
    'list of unicodes\n\n' +
    'param zone:\n\n' +
    'An optional name for a physical zone the acquired node should be located in.\n\n' +
    'type zone:\n\n' +
    'unicode\n\n' +
    'type not_in_zone:\n\n' +
    'Optional list of physical zones from which the node should not be acquired.\n\n' +
    'type not_in_zone:\n\n' +
    'List of unicodes.\n\n' +
    'param agent_name:\n\n' +
    'An optional agent name to attach to the acquired node.\n\n' +
    'type agent_name:\n\n' +
    'unicode\n\n' +
    'Returns 409 if a suitable node matching the constraints could not be found.',
  'POST set_zone':
    'Assign multiple nodes to a physical zone at once.\n\n' +
    'param zone:\n\n' +
    'Zone name. If omitted, the zone is “none” and the nodes will be taken out of their physical zones.\n\n' +
    'param nodes:\n\n' +
    'system_ids of the nodes whose zones are to be set. (An empty list is acceptable).\n\n' +
    'Raises 403 if the user is not an admin.',
  'GET deployment_status':
    'Retrieve deployment status for multiple nodes.\n\n' +
    'param nodes:\n\n' +
    'Mandatory list of system IDs for nodes whose status you wish to check.\n\n' +
    'Returns 400 if mandatory parameters are missing. Returns 403 if the user has no permission to view any of the nodes.',
  'GET list_allocated': 'Fetch Nodes that were allocated to the User/oauth token.',
  'GET power_parameters':
    'Retrieve power parameters for multiple nodes.\n\n' +
    'param id:\n\n' +
    'An optional list of system ids. Only nodes with matching system ids will be returned.\n\n' +
    'type id:\n\n' +
    'iterable\n\n' +
    'return:\n\n' +
    'A dictionary of power parameters, keyed by node system_id.\n\n' +
    'Raises 403 if the user is not an admin.',
  'POST check_commissioning':
    'Check all commissioning nodes to see if they are taking too long.\n\n' +
    'Anything that has been commissioning for longer than settings.COMMISSIONING_TIMEOUT is moved into the FAILED_COMMISSIONING status.',
};

export const nodeDocs: OpDocs = {
  'GET':
    'Read a specific Node.\n\n' +
    'Returns 404 if the node is not found.',
  'PUT':
    'Update a specific Node.\n\n' +
    'param hostname:\n\n' +
    'The new hostname for this node.\n\n' +
    'type hostname:\n\n' +
    'unicode\n\n' +
    'param architecture:\n\n' +
    'The new architecture for this node.\n\n' +
    'type architecture:\n\n' +
    'unicode\n\n' +
    'param power_type:\n\n' +
    'The new power type for this node. If you use the default value, power_parameters will be set to the empty string. Available to admin users. See the [Power types](#power-types) section for a list of the available power types.\n\n' +
    'type power_type:\n\n' +
    'unicode\n\n' +
    'param power_parameters_{param1}:\n\n' +
    'The new value for the ‘param1’ power parameter. Note that this is dynamic as the available parameters depend on the selected value of the Node’s power_type. For instance, if the power_type is ‘ether_wake’, the only valid parameter is ‘power_address’ so one would want to pass ‘myaddress’ as the value of the ‘power_parameters_power_address’ parameter. Available to admin users. See the [Power types](#power-types) section for a list of the available power parameters for each power type.\n\n' +
    'type power_parameters_{param1}:\n\n' +
    'unicode\n\n' +
    'param power_parameters_skip_check:\n\n' +
    'Whether or not the new power parameters for this node should be checked against the expected power parameters for the node’s power type (‘true’ or ‘false’). The default is ‘false’.\n\n' +
    'type power_parameters_skip_check:\n\n' +
    'unicode\n\n' +
    'param zone:\n\n' +
    'Name of a valid physical zone in which to place this node\n\n' +
    'type zone:\n\n' +
    'unicode\n\n' +
    'param swap_size:\n\n' +
    'Specifies the size of the swap file, in bytes. Field accept K, M, G and T suffixes for values expressed respectively in kilobytes, megabytes, gigabytes and terabytes.\n\n' +
    'type swap_size:\n\n' +
    'unicode\n\n' +
    'param boot_type:\n\n' +
    'The installation type of the node. ‘fastpath’: use the default installer. ‘di’ use the debian installer. Note that using ‘di’ is now deprecated and will be removed in favor of the default installer in MAAS 1.9.\n\n' +
    'type boot_type:\n\n' +
    'unicode\n\n' +
    'Returns 404 if the node is node found. Returns 403 if the user does not have permission to update the node.',
  'DELETE':
    'Delete a specific Node.\n\n' +
    'Returns 404 if the node is not found. Returns 403 if the user does not have permission to delete the node. Returns 204 if the node is successfully deleted.',
  'GET details':
    'Obtain various system details.\n\n' +
    'For example, LLDP and `lshw`{.docutils .literal} XML dumps.\n\n' +
    'Returns a `{detail_type: xml, ...}`{.docutils .literal} map, where `detail_type`{.docutils .literal} is something like “lldp” or “lshw”.\n\n' +
    'Note that this is returned as BSON and not JSON. This is for efficiency, but mainly because JSON can’t do binary content without applying additional encoding like base-64.\n\n' +
    'Returns 404 if the node is not found.',
  'POST set_details':
    'Attach hardware details to a node (this console\'s addition; MAAS took them from its commissioning scripts).\n\n' +
    'param lshw: The output of `lshw -xml`, as a file part. param lldp: LLDP data as XML, as a file part.\n\n' +
    'Each part is stored as received after a check that it is well-formed XML without a DTD. A node that is commissioning ' +
    'completes commissioning when its lshw arrives; tag membership is rebuilt. Admin only.',
  'POST commission':
    'Begin commissioning process for a node.\n\n' +
    'A node in the ‘ready’, ‘declared’ or ‘failed test’ state may initiate a commissioning cycle where it is checked out and tested in preparation for transitioning to the ‘ready’ state. If it is already in the ‘ready’ state this is considered a re-commissioning process which is useful if commissioning tests were changed after it previously commissioned.\n\n' +
    'Returns 404 if the node is not found.',
  'POST start':
    'Power up a node.\n\n' +
    'param user_data:\n\n' +
    'If present, this blob of user-data to be made available to the nodes through the metadata service.\n\n' +
    'type user_data:\n\n' +
    'base64-encoded unicode\n\n' +
    'param distro_series:\n\n' +
    'If present, this parameter specifies the OS release the node will use.\n\n' +
    'type distro_series:\n\n' +
    'unicode\n\n' +
    'Ideally we’d have MIME multipart and content-transfer-encoding etc. deal with the encapsulation of binary data, but couldn’t make it work with the framework in reasonable time so went for a dumb, manual encoding instead.\n\n' +
    'Returns 404 if the node is not found. Returns 403 if the user does not have permission to stop the node. Returns 503 if the start-up attempted to allocate an IP address, and there were no IP addresses available on the relevant cluster interface.',
  'POST stop':
    'Shut down a node.\n\n' +
    'param stop_mode:\n\n' +
    'An optional power off mode. If ‘soft’, perform a soft power down if the node’s power type supports it, otherwise perform a hard power off. For all values other than ‘soft’, and by default, perform a hard power off. A soft power off generally asks the OS to shutdown the system gracefully before powering off, while a hard power off occurs immediately without any warning to the OS.\n\n' +
    'type stop_mode:\n\n' +
    'unicode\n\n' +
    'Returns 404 if the node is not found. Returns 403 if the user does not have permission to stop the node.',
  'POST release':
    'Release a node. Opposite of NodesHandler.acquire.\n\n' +
    'Returns 404 if the node is not found. Returns 403 if the user does not have permission to release the node. Returns 409 if the node is in a state where it may not be released.',
  'POST mark_broken':
    'Mark a node as ‘broken’.\n\n' +
    'If the node is allocated, release it first.\n\n' +
    'param error_description:\n\n' +
    'An optional description of the reason the node is being marked broken.\n\n' +
    'type error_description:\n\n' +
    'unicode\n\n' +
    'Returns 404 if the node is not found. Returns 403 if the user does not have permission to mark the node broken.',
  'POST mark_fixed':
    'Mark a broken node as fixed and set its status as ‘ready’.\n\n' +
    'Returns 404 if the node is not found. Returns 403 if the user does not have permission to mark the node broken.',
  'POST abort_operation':
    'Abort a node’s current operation.\n\n' +
    'This currently only supports aborting of the ‘Disk Erasing’ operation.\n\n' +
    'Returns 404 if the node could not be found. Returns 403 if the user does not have permission to abort the current operation.',
  'GET power_parameters':
    'Obtain power parameters.\n\n' +
    'This method is reserved for admin users and returns a 403 if the user is not one.\n\n' +
    'This returns the power parameters, if any, configured for a node. For some types of power control this will include private information such as passwords and secret keys.\n\n' +
    'Returns 404 if the node is not found.',
  'GET query_power_state':
    'Query the power state of a node.\n\n' +
    'Send a request to the node’s power controller which asks it about the node’s state. The reply to this could be delayed by up to 30 seconds while waiting for the power controller to respond. Use this method sparingly as it ties up an appserver thread while waiting.\n\n' +
    'param system_id:\n\n' +
    'The node to query.\n\n' +
    'return:\n\n' +
    'a dict whose key is “state” with a value of one of ‘on’ or ‘off’.\n\n' +
    'Returns 400 if the node is not installable. Returns 404 if the node is not found. Returns 503 (with explanatory text) if the power state could not be queried.',
  'POST claim_sticky_ip_address':
    'Assign a “sticky” IP address to a Node’s MAC.\n\n' +
    'param mac_address:\n\n' +
    'Optional MAC address on the node on which to assign the sticky IP address. If not passed, defaults to the primary MAC for the node.\n\n' +
    'param requested_address:\n\n' +
    'Optional IP address to claim. Must be in the range defined on a cluster interface to which the context MAC is related, or 403 Forbidden is returned. If the requested address is unavailable for use, 404 Not Found is returned.\n\n' +
    'A sticky IP is one which stays with the node until the IP is disassociated with the node, or the node is deleted. It allows an admin to give a node a stable IP, since normally an automatic IP is allocated to a node only during the time a user has acquired and started a node.\n\n' +
    'Returns 404 if the node is not found. Returns 409 if the node is in an allocated state. Returns 400 if the mac_address is not found on the node. Returns 503 if there are not enough IPs left on the cluster interface to which the mac_address is linked.',
  'POST release_sticky_ip_address':
    'Release a “sticky” IP address from a node’s MAC.\n\n' +
    'param address:\n\n' +
    'Optional IP address to release. If left unspecified, will release every “sticky” IP address associated with the node.\n\n' +
    'Returns 400 if the specified addresses could not be deallocated Returns 404 if the node is not found. Returns 409 if the node is in an allocated state.',
};

export const nodeMacsDocs: OpDocs = {
  'GET':
    'Read all MAC addresses related to a Node.\n\n' +
    'Returns 404 if the node is not found.',
  'POST':
    'Create a MAC address for a specified Node.\n\n' +
    'Returns 404 if the node is not found.',
};

export const nodeMacDocs: OpDocs = {
  'GET':
    'Read a MAC address related to a Node.\n\n' +
    'Returns 404 if the node or the MAC address is not found.',
  'DELETE':
    'Delete a specific MAC address for the specified Node.\n\n' +
    'Returns 404 if the node or the MAC address is not found. Returns 204 after the MAC address is successfully deleted.',
};
