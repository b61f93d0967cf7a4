// describe/'s docs for nodegroups/ (the cluster): the MAAS 1.8 API page's text for each action
// (test/fixtures/spec/maas-1.8-api.md; describe-docs.test.ts holds them equal to it).
import type { OpDocs } from '../../http/context';

/** Paragraphs the API page repeats word for word in more than one action. */
const UCSM_CREDENTIALS = [
  'param url:',
  'The URL of the UCS Manager API.',
  'type url:',
  'unicode',
  'param username:',
].join('\n\n');

const PROBE_PASSWORD_AND_ACCEPT_ALL = [
  'type password:',
  'unicode',
  'param accept_all:',
  'If true, all enlisted nodes will be commissioned.',
  'type accept_all:',
  'unicode',
  'Returns 404 if the nodegroup (cluster) is not found. Returns 403 if the user does not have access to the nodegroup. Returns 400 if the required parameters were not passed.',
].join('\n\n');

export const nodeGroupsDocs: OpDocs = {
  'GET list': 'List nodegroups.',
  'GET describe_power_types':
    'Query all the cluster controllers for power information.\n\n' +
    'return:\n\n' +
    'a list of dicts that describe the power types in this format.\n\n' +
    'This console\'s additions, which MAAS 1.8 did not have: redfish (Redfish BMCs over HTTPS) and manual (no power control; \n\n' +
    'the operator powers the machine by hand).',
  'POST accept':
    'Accept nodegroup enlistment(s).\n\n' +
    'param uuid:\n\n' +
    'The UUID (or list of UUIDs) of the nodegroup(s) to accept.\n\n' +
    'type name:\n\n' +
    'unicode (or list of unicodes)\n\n' +
    'This method is reserved to admin users and returns 403 if the user is not an admin.\n\n' +
    'Returns 404 if the nodegroup (cluster) is not found.',
  'POST reject':
    'Reject nodegroup enlistment(s).\n\n' +
    'param uuid:\n\n' +
    'The UUID (or list of UUIDs) of the nodegroup(s) to reject.\n\n' +
    'type name:\n\n' +
    'unicode (or list of unicodes)\n\n' +
    'This method is reserved to admin users and returns 403 if the user is not an admin.\n\n' +
    'Returns 404 if the nodegroup (cluster) is not found.',
  'POST import_boot_images': 'Import the boot images on all the accepted cluster controllers.',
};

export const nodeGroupDocs: OpDocs = {
  'GET':
    'GET a node group.\n\n' +
    'Returns 404 if the nodegroup (cluster) is not found.',
  'GET list_nodes':
    'Get the list of node ids that are part of this group.\n\n' +
    'Returns 404 if the nodegroup (cluster) is not found.',
  'POST details':
    'Obtain various system details for each node specified.\n\n' +
    'For example, LLDP and `lshw`{.docutils .literal} XML dumps.\n\n' +
    'Returns a `{system_id: {detail_type: xml, ...}, ...}`{.docutils .literal} map, where `detail_type`{.docutils .literal} is something like “lldp” or “lshw”.\n\n' +
    'param system_ids:\n\n' +
    'System ids of nodes for which to get system details.\n\n' +
    'Note that this is returned as BSON and not JSON. This is for efficiency, but mainly because JSON can’t do binary content without applying additional encoding like base-64.\n\n' +
    'For security purposes:\n\n' +
    '1.  Requests are only fulfilled for the worker assigned to the nodegroup. 2.  Requests for nodes that are not part of the nodegroup are just ignored.\n\n' +
    'Returns 404 if the nodegroup (cluster) is not found. Returns 403 if the user does not have access to the nodegroup.',
  'PUT':
    'Update a specific cluster.\n\n' +
    'param name:\n\n' +
    'The new DNS name for this cluster.\n\n' +
    'type name:\n\n' +
    'unicode\n\n' +
    'param cluster_name:\n\n' +
    'The new name for this cluster.\n\n' +
    'type cluster_name:\n\n' +
    'unicode\n\n' +
    'param status:\n\n' +
    'The new status for this cluster (see vocabulary NODEGROUP_STATUS).\n\n' +
    'type status:\n\n' +
    'int\n\n' +
    'Returns 404 if the nodegroup (cluster) is not found.',
  'POST report_download_progress':
    'Report progress of a download.\n\n' +
    'Cluster controllers can call this to update the region controller on file downloads they need to perform, such as kernels and initrd files. This gives the administrator insight into what downloads are in progress, how well downloads are going, and what failures may have occurred.\n\n' +
    'A file is identified by an arbitrary name, which must be consistent. It could be a URL, or a filesystem path, or even a symbolic name that the cluster controller makes up. A cluster controller can download the same file many times over, but not simultaneously.\n\n' +
    'Before downloading a file, a cluster controller first reports progress without the bytes_downloaded parameter. It may optionally report progress while downloading, passing the number of bytes downloaded so far. Finally, if the download succeeded, it should report one final time with the full number of bytes downloaded.\n\n' +
    'If the download fails, the cluster controller should report progress with an error string (and either the number of bytes that were successfully downloaded, or zero).\n\n' +
    'Progress reports should include the file’s size, if known. The final report after a successful download must include the size.\n\n' +
    'param filename:\n\n' +
    'Arbitrary identifier for the file being downloaded.\n\n' +
    'type filename:\n\n' +
    'unicode\n\n' +
    'param size:\n\n' +
    'Optional size of the file, in bytes. Must be passed at least once, though it can still be passed on subsequent calls. If file size is not known, pass it at the end when reporting successful completion. Do not change the size once given.\n\n' +
    'param bytes_downloaded:\n\n' +
    'Number of bytes that have been successfully downloaded. Cannot exceed size, if known. This parameter must be omitted from the initial progress report before download starts, and must be included for all subsequent progress reports for that download.\n\n' +
    'type bytes_downloaded:\n\n' +
    'int\n\n' +
    'param error:\n\n' +
    'Optional error string. A download that has submitted an error with its last progress report is considered to have failed.\n\n' +
    'type error:\n\n' +
    'unicode\n\n' +
    'Returns 404 if the nodegroup (cluster) is not found. Returns 403 if the user does not have access to the nodegroup. Returns 400 if the required parameters were not passed.',
  'POST import_boot_images':
    'Import the pxe files on this cluster controller.\n\n' +
    'Returns 404 if the nodegroup (cluster) is not found.',
  'POST probe_and_enlist_hardware': [
    'Add special hardware types.',
    'param model:',
    'The type of hardware. ‘seamicro15k’, ‘virsh’, ‘vmware’, ‘powerkvm’, ‘mscm’, ‘msftocs’ and ‘ucsm’ are supported.',
    'seamicro15k is the model for the Seamicro 1500 Chassis. virsh is the model for Virtual Machines managed by Virsh. powerkvm is the model for Virtual Machines on Power KVM, managed by Virsh. mscm is the model for the Moonshot Chassis Manager. msftocs is the model for the Microsoft OCS Chassis Manager. ucsm is the model for the Cisco UCS Manager.',
    'type model:',
    'unicode',
    'The following are optional for all models:',
    'param accept_all:',
    'If true, all enlisted nodes will be commissioned.',
    'type accept_all:',
    'unicode',
    'The following are required if you are probing seamicro15k:',
    'param mac:',
    'The MAC of the seamicro15k chassis.',
    'type mac:',
    'unicode',
    'param username:',
    'The username for the chassis.',
    'type username:',
    'unicode',
    'param password:',
    'The password for the chassis.',
    'type password:',
    'unicode',
    'The following are optional if you are probing seamicro15k:',
    'param power_control:',
    'The power_control to use, either ipmi (default) or restapi.',
    'type power_control:',
    'unicode',
    'The following are required if you are probing virsh:',
    'param power_address:',
    'The connection string to virsh.',
    'type power_address:',
    'unicode',
    'The following are optional if you are probing virsh:',
    'param power_pass:',
    'The password to use, when qemu+ssh is given as a connection string and ssh key authentication is not being used.',
    'type power_pass:',
    'unicode',
    'param prefix_filter:',
    'Filter nodes with supplied prefix.',
    'type prefix_filter:',
    'unicode',
    'The following are required if you are probing vmware:',
    'param host:',
    'The VMware hostname or IP address',
    'type host:',
    'unicode',
    'param username:',
    'The VMware API username',
    'type username:',
    'unicode',
    'param password:',
    'The VMware API password',
    'type password:',
    'unicode',
    'The following are optional if you are probing vmware:',
    'param protocol:',
    'The VMware API protocol (default: https)',
    'type protocol:',
    'unicode',
    'param port:',
    'The VMware API port (default: 443)',
    'type port:',
    'integer',
    'param prefix_filter:',
    'Filter nodes with supplied prefix.',
    'type prefix_filter:',
    'unicode',
    'The following are required if you are probing mscm:',
    'param host:',
    'IP Address for the Moonshot Chassis Manager.',
    'type host:',
    'unicode',
    'param username:',
    'The username for the Moonshot Chassis Manager.',
    'type username:',
    'unicode',
    'param password:',
    'The password for the Moonshot Chassis Manager.',
    'type password:',
    'unicode',
    'The followeing are required if you are probing msftocs:',
    'param ip:',
    'IP Address for the Microsoft OCS Chassis.',
    'type ip:',
    'unicode',
    'param port:',
    'Port for the Microsoft OCS Chassis.',
    'type port:',
    'unicode',
    'param username:',
    'The username for the Microsoft OCS Chassis.',
    'type username:',
    'unicode',
    'param password:',
    'The password for the Microsoft OCS Chassis.',
    'type password:',
    'unicode',
    'The followeing are required if you are probing a ucsm:',
    UCSM_CREDENTIALS,
    'The username for the UCS Manager API.',
    'type username:',
    'unicode',
    'param password:',
    'The password for the UCS Manager API.',
    'type password:',
    'unicode',
    'Returns 404 if the nodegroup (cluster) is not found. Returns 403 if the user does not have access to the nodegroup. Returns 400 if the required parameters were not passed.',
  ].join('\n\n'),
  'POST probe_and_enlist_ucsm': [
    'Add the nodes from a Cisco UCS Manager.',
    '**Warning: this API is deprecated in favor of probe_and_enlist_hardware.**',
    UCSM_CREDENTIALS,
    'The username for the API.',
    'type username:',
    'unicode',
    'param password:',
    'The password for the API.',
    PROBE_PASSWORD_AND_ACCEPT_ALL,
  ].join('\n\n'),
  'POST probe_and_enlist_mscm': [
    'Add the nodes from a Moonshot HP iLO Chassis Manager (MSCM).',
    '**Warning: this API is deprecated in favor of probe_and_enlist_hardware.**',
    'param host:',
    'IP Address for the MSCM.',
    'type host:',
    'unicode',
    'param username:',
    'The username for the MSCM.',
    'type username:',
    'unicode',
    'param password:',
    'The password for the MSCM.',
    PROBE_PASSWORD_AND_ACCEPT_ALL,
  ].join('\n\n'),
};
