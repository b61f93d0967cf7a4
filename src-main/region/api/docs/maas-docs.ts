// describe/'s docs for maas/ (configuration): the MAAS 1.8 API page's text for each action
// (test/fixtures/spec/maas-1.8-api.md; describe-docs.test.ts holds them equal to it).
import type { OpDocs } from '../../http/context';

export const maasDocs: OpDocs = {
  'GET get_config':
    'Get a config value.\n\n' +
    'param name:\n\n' +
    'The name of the config item to be retrieved.\n\n' +
    'type name:\n\n' +
    'unicode\n\n' +
    'Available configuration items: - commissioning_distro_series: Default Ubuntu release used for commissioning. - default_osystem: Default operating system used for deployment. - ports_archive: Ports archive. Archive used by nodes to retrieve packages for non-Intel architectures. E.g. [http://ports.ubuntu.com/ubuntu-ports](http://ports.ubuntu.com/ubuntu-ports). - http_proxy: Proxy for HTTP and HTTPS traffic. This is used by the cluster and region controllers for downloading PXE boot images and other provisioning-related resources. This will also be passed onto provisioned nodes instead of the default proxy (the region controller proxy). - windows_kms_host: Windows KMS activation host. FQDN or IP address of the host that provides the KMS Windows activation service. (Only needed for Windows deployments using KMS activation.) - enable_disk_erasing_on_release: Erase nodes’ disks prior to releasing.. - default_distro_series: Default OS release used for deployment. - ntp_server: Address of NTP server for nodes. NTP server address passed to nodes via a DHCP response. e.g. ntp.ubuntu.com - dnssec_validation: Enable DNSSEC validation of upstream zones. Only used when MAAS is running its own DNS server. This value is used as the value of ‘dnssec_validation’ in the DNS server config. - upstream_dns: Upstream DNS used to resolve domains not managed by this MAAS (space-separated IP addresses). Only used when MAAS is running its own DNS server. This value is used as the value of ‘forwarders’ in the DNS server config. - boot_images_auto_import: Automatically import/refresh the boot images every 60 minutes. - enable_third_party_drivers: Enable the installation of proprietary drivers (i.e. HPVSA). - kernel_opts: Boot parameters to pass to the kernel by default. - main_archive: Main archive. Archive used by nodes to retrieve packages for Intel architectures. E.g. [http://archive.ubuntu.com/ubuntu](http://archive.ubuntu.com/ubuntu). - maas_name: MAAS name.',
  'POST set_config':
    'Set a config value.\n\n' +
    'param name:\n\n' +
    'The name of the config item to be set.\n\n' +
    'type name:\n\n' +
    'unicode\n\n' +
    'param value:\n\n' +
    'The value of the config item to be set.\n\n' +
    'type value:\n\n' +
    'json object\n\n' +
    'Available configuration items: - commissioning_distro_series: Default Ubuntu release used for commissioning. - default_osystem: Default operating system used for deployment. - ports_archive: Ports archive. Archive used by nodes to retrieve packages for non-Intel architectures. E.g. [http://ports.ubuntu.com/ubuntu-ports](http://ports.ubuntu.com/ubuntu-ports). - http_proxy: Proxy for HTTP and HTTPS traffic. This is used by the cluster and region controllers for downloading PXE boot images and other provisioning-related resources. This will also be passed onto provisioned nodes instead of the default proxy (the region controller proxy). - windows_kms_host: Windows KMS activation host. FQDN or IP address of the host that provides the KMS Windows activation service. (Only needed for Windows deployments using KMS activation.) - enable_disk_erasing_on_release: Erase nodes’ disks prior to releasing.. - default_distro_series: Default OS release used for deployment. - ntp_server: Address of NTP server for nodes. NTP server address passed to nodes via a DHCP response. e.g. ntp.ubuntu.com - dnssec_validation: Enable DNSSEC validation of upstream zones. Only used when MAAS is running its own DNS server. This value is used as the value of ‘dnssec_validation’ in the DNS server config. - upstream_dns: Upstream DNS used to resolve domains not managed by this MAAS (space-separated IP addresses). Only used when MAAS is running its own DNS server. This value is used as the value of ‘forwarders’ in the DNS server config. - boot_images_auto_import: Automatically import/refresh the boot images every 60 minutes. - enable_third_party_drivers: Enable the installation of proprietary drivers (i.e. HPVSA). - kernel_opts: Boot parameters to pass to the kernel by default. - main_archive: Main archive. Archive used by nodes to retrieve packages for Intel architectures. E.g. [http://archive.ubuntu.com/ubuntu](http://archive.ubuntu.com/ubuntu). - maas_name: MAAS name.',
};
