// The second half of the MAAS 1.8 API's resources, appended to the table
// in ./resources.ts. Handler names are MAAS 1.8's Piston handlers (describe/ shows them);
// paths as MAAS 1.8 spelled them (two without a trailing slash; the router accepts both).
import type { Resource } from '../http/context';
import type { RegionCore } from '../region-core';
import { bootImagesOps, bootResourceOps, bootResourcesOps } from './boot-resources';
import { bootSourceOps, bootSourceSelectionOps, bootSourceSelectionsOps, bootSourcesOps } from './boot-sources';
import { clusterInterfaceOps, clusterInterfacesOps } from './cluster-interfaces';
import { commissioningScriptOps, commissioningScriptsOps } from './commissioning-scripts';
import { installationResultsOps } from './installation-results';
import { ipAddressesOps } from './ipaddresses';
import { licenseKeyOps, licenseKeysOps } from './license-keys';
import { networkOps, networksOps } from './networks';
import { sslKeyOps, sslKeysOps } from './ssl-keys';

export function moreResources(core: RegionCore): Resource[] {
  return [
    { name: 'NetworksHandler', doc: 'Manage the networks.', path: 'networks/', ops: networksOps(core) },
    { name: 'NetworkHandler', doc: 'Manage a network.', path: 'networks/{name}/', ops: networkOps(core) },
    { name: 'NodeGroupInterfacesHandler', doc: 'Manage the collection of all the NodeGroupInterfaces in this MAAS.',
      path: 'nodegroups/{uuid}/interfaces/', ops: clusterInterfacesOps(core) },
    { name: 'NodeGroupInterfaceHandler', doc: 'Manage a NodeGroupInterface.', path: 'nodegroups/{uuid}/interfaces/{name}/', ops: clusterInterfaceOps(core) },
    { name: 'BootImagesHandler', doc: 'Manage the collection of boot images.', path: 'nodegroups/{uuid}/boot-images/', ops: bootImagesOps(core) },
    { name: 'IPAddressesHandler', doc: 'Manage IP addresses allocated by MAAS.', path: 'ipaddresses/', ops: ipAddressesOps(core) },
    { name: 'BootResourcesHandler', doc: 'Manage the boot resources.', path: 'boot-resources/', ops: bootResourcesOps(core) },
    { name: 'BootResourceHandler', doc: 'Manage a boot resource.', path: 'boot-resources/{id}/', ops: bootResourceOps(core) },
    { name: 'BootSourcesHandler', doc: 'Manage the collection of boot sources.', path: 'boot-sources/', ops: bootSourcesOps(core) },
    { name: 'BootSourceHandler', doc: 'Manage a boot source.', path: 'boot-sources/{id}/', ops: bootSourceOps(core) },
    { name: 'BootSourceSelectionsHandler', doc: 'Manage the collection of boot source selections.',
      path: 'boot-sources/{boot_source_id}/selections/', ops: bootSourceSelectionsOps(core) },
    { name: 'BootSourceSelectionHandler', doc: 'Manage a boot source selection.',
      path: 'boot-sources/{boot_source_id}/selections/{id}/', ops: bootSourceSelectionOps(core) },
    { name: 'CommissioningScriptsHandler', doc: 'Manage custom commissioning scripts.', path: 'commissioning-scripts/', ops: commissioningScriptsOps(core) },
    { name: 'CommissioningScriptHandler', doc: 'Manage a custom commissioning script.', path: 'commissioning-scripts/{name}', ops: commissioningScriptOps(core) },
    { name: 'NodeResultHandler', doc: 'Read the collection of NodeResult in the MAAS.', path: 'installation-results/', ops: installationResultsOps(core) },
    { name: 'LicenseKeysHandler', doc: 'Manage the license keys.', path: 'license-keys/', ops: licenseKeysOps(core) },
    { name: 'LicenseKeyHandler', doc: 'Manage a license key.', path: 'license-key/{osystem}/{distro_series}', ops: licenseKeyOps(core) },
    { name: 'SSLKeysHandler', doc: 'Operations on multiple keys.', path: 'account/prefs/sslkeys/', ops: sslKeysOps(core) },
    { name: 'SSLKeyHandler', doc: 'Manage an SSL key.', path: 'account/prefs/sslkeys/{keyid}/', ops: sslKeyOps(core) },
  ];
}
