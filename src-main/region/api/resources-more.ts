// The second half of the MAAS 1.8 API's resources, appended to the table
// in ./resources.ts. Handler names are MAAS 1.8's Piston handlers (describe/ shows them);
// paths as MAAS 1.8 spelled them (two without a trailing slash; the router accepts both).
import type { Ctx, OpTable, Resource } from '../http/context';
import type { RegionCore } from '../region-core';
import { bootImagesOps, bootResourceOps, bootResourceUploadOps, bootResourcesOps } from './boot-resources';
import { bootSourceOps, bootSourceSelectionOps, bootSourceSelectionsOps, bootSourcesOps } from './boot-sources';
import { clusterInterfaceOps, clusterInterfacesOps } from './cluster-interfaces';
import { commissioningScriptOps, commissioningScriptsOps } from './commissioning-scripts';
import { installationResultsOps } from './installation-results';
import { ipAddressesOps } from './ipaddresses';
import { licenseKeyOps, licenseKeysOps } from './license-keys';
import { networkOps, networksOps } from './networks';
import { sslKeyOps, sslKeysOps } from './ssl-keys';
import { sslKeyDocs, sslKeysDocs } from './docs/account-docs';
import { bootResourceDocs, bootResourcesDocs, bootSourceDocs, bootSourceSelectionDocs, bootSourceSelectionsDocs, bootSourcesDocs, bootResourceUploadDocs } from './docs/boot-docs';
import { bootImagesDocs, nodeGroupInterfaceDocs, nodeGroupInterfacesDocs } from './docs/cluster-interfaces-docs';
import { commissioningScriptDocs, commissioningScriptsDocs } from './docs/commissioning-docs';
import { nodeResultsDocs } from './docs/installation-docs';
import { ipAddressesDocs } from './docs/ipaddresses-docs';
import { licenseKeyDocs, licenseKeysDocs } from './docs/license-docs';
import { networkDocs, networksDocs } from './docs/networks-docs';

/** MAAS's Boot*BackwardHandlers: the same ops under nodegroups/{uuid}/…, the uuid ignored. */
const withoutUuid = (ops: OpTable): OpTable =>
  Object.fromEntries(Object.entries(ops).map(([key, handler]) => [key, (ctx: Ctx) => handler({ ...ctx, args: ctx.args.slice(1) })]));

export function moreResources(core: RegionCore): Resource[] {
  const results = installationResultsOps(core);
  const sources = bootSourcesOps(core);
  const source = bootSourceOps(core);
  const selections = bootSourceSelectionsOps(core);
  const selection = bootSourceSelectionOps(core);
  return [
    { name: 'NetworksHandler', docs: networksDocs, doc: 'Manage the networks.', path: 'networks/', ops: networksOps(core) },
    { name: 'NetworkHandler', docs: networkDocs, doc: 'Manage a network.', path: 'networks/{name}/', ops: networkOps(core) },
    { name: 'NodeGroupInterfacesHandler', docs: nodeGroupInterfacesDocs, doc: 'Manage the collection of all the NodeGroupInterfaces in this MAAS.',
      path: 'nodegroups/{uuid}/interfaces/', ops: clusterInterfacesOps(core) },
    { name: 'NodeGroupInterfaceHandler', docs: nodeGroupInterfaceDocs, doc: 'Manage a NodeGroupInterface.', path: 'nodegroups/{uuid}/interfaces/{name}/', ops: clusterInterfaceOps(core) },
    { name: 'BootImagesHandler', docs: bootImagesDocs, doc: 'Manage the collection of boot images.', path: 'nodegroups/{uuid}/boot-images/', ops: bootImagesOps(core) },
    { name: 'IPAddressesHandler', docs: ipAddressesDocs, doc: 'Manage IP addresses allocated by MAAS.', path: 'ipaddresses/', ops: ipAddressesOps(core) },
    { name: 'BootResourcesHandler', docs: bootResourcesDocs, doc: 'Manage the boot resources.', path: 'boot-resources/', ops: bootResourcesOps(core) },
    { name: 'BootResourceFileUploadHandler', docs: bootResourceUploadDocs, doc: 'Upload a boot resource file.',
      path: 'boot-resources/{id}/upload/{file_id}/', ops: bootResourceUploadOps(core), hidden: true },
    { name: 'BootResourceHandler', docs: bootResourceDocs, doc: 'Manage a boot resource.', path: 'boot-resources/{id}/', ops: bootResourceOps(core) },
    { name: 'BootSourcesHandler', docs: bootSourcesDocs, doc: 'Manage the collection of boot sources.', path: 'boot-sources/', ops: sources },
    { name: 'BootSourceHandler', docs: bootSourceDocs, doc: 'Manage a boot source.', path: 'boot-sources/{id}/', ops: source },
    { name: 'BootSourceSelectionsHandler', docs: bootSourceSelectionsDocs, doc: 'Manage the collection of boot source selections.',
      path: 'boot-sources/{boot_source_id}/selections/', ops: selections },
    { name: 'BootSourceSelectionHandler', docs: bootSourceSelectionDocs, doc: 'Manage a boot source selection.',
      path: 'boot-sources/{boot_source_id}/selections/{id}/', ops: selection },
    // urls_api.py keeps the per-cluster paths of older MAAS (deprecated, hidden from describe/).
    { name: 'BootSourcesBackwardHandler', docs: bootSourcesDocs, doc: 'Manage the collection of boot sources.', path: 'nodegroups/{uuid}/boot-sources/', ops: withoutUuid(sources), hidden: true },
    { name: 'BootSourceBackwardHandler', docs: bootSourceDocs, doc: 'Manage a boot source.', path: 'nodegroups/{uuid}/boot-sources/{id}/', ops: withoutUuid(source), hidden: true },
    { name: 'BootSourceSelectionsBackwardHandler', docs: bootSourceSelectionsDocs, doc: 'Manage the collection of boot source selections.',
      path: 'nodegroups/{uuid}/boot-sources/{boot_source_id}/selections/', ops: withoutUuid(selections), hidden: true },
    { name: 'BootSourceSelectionBackwardHandler', docs: bootSourceSelectionDocs, doc: 'Manage a boot source selection.',
      path: 'nodegroups/{uuid}/boot-sources/{boot_source_id}/selections/{id}/', ops: withoutUuid(selection), hidden: true },
    { name: 'CommissioningScriptsHandler', docs: commissioningScriptsDocs, doc: 'Manage custom commissioning scripts.', path: 'commissioning-scripts/', ops: commissioningScriptsOps(core) },
    { name: 'CommissioningScriptHandler', docs: commissioningScriptDocs, doc: 'Manage a custom commissioning script.', path: 'commissioning-scripts/{name}', ops: commissioningScriptOps(core) },
    // urls_api.py routes both paths to one node_results_handler (describe/ shows it once).
    { name: 'NodeResultsHandler', docs: nodeResultsDocs, doc: 'Read the collection of NodeResult in the MAAS.', path: 'installation-results/', ops: results },
    { name: 'NodeResultsHandler', docs: nodeResultsDocs, doc: 'Read the collection of NodeResult in the MAAS.', path: 'commissioning-results/', ops: results, hidden: true },
    { name: 'LicenseKeysHandler', docs: licenseKeysDocs, doc: 'Manage the license keys.', path: 'license-keys/', ops: licenseKeysOps(core) },
    { name: 'LicenseKeyHandler', docs: licenseKeyDocs, doc: 'Manage a license key.', path: 'license-key/{osystem}/{distro_series}', ops: licenseKeyOps(core) },
    { name: 'SSLKeysHandler', docs: sslKeysDocs, doc: 'Operations on multiple keys.', path: 'account/prefs/sslkeys/', ops: sslKeysOps(core) },
    { name: 'SSLKeyHandler', docs: sslKeyDocs, doc: 'Manage an SSL key.', path: 'account/prefs/sslkeys/{keyid}/', ops: sslKeyOps(core) },
  ];
}
