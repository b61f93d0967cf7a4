// Sample details for the xpath tests: the shared lshw fixture and a small LLDP document
// shaped like `lldpctl -f xml` output (what MAAS's capture-lldp commissioning script stored).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FIXTURE_PATH = fileURLToPath(new URL('../../fixtures/lshw/kvm-epyc-vm.xml', import.meta.url));

export function fixtureLshw(): string {
  return readFileSync(FIXTURE_PATH, 'utf8');
}

export const LLDP_SAMPLE = `<?xml version="1.0" encoding="UTF-8"?>
<lldp label="LLDP neighbors">
 <interface label="Interface" name="eth0" via="LLDP" rid="1" age="0 day, 00:10:02">
  <chassis label="Chassis">
   <id label="ChassisID" type="mac">00:11:22:33:44:55</id>
   <name label="SysName">switch01</name>
   <descr label="SysDescr">Example switch OS 1.2</descr>
   <capability label="Capability" type="Bridge" enabled="on"/>
  </chassis>
  <port label="Port">
   <id label="PortID" type="ifname">Gi0/1</id>
   <descr label="PortDescr">uplink</descr>
  </port>
  <vlan label="VLAN" vlan-id="100" pvid="yes">v100</vlan>
 </interface>
</lldp>
`;
