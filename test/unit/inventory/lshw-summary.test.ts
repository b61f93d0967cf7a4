import { expect, test } from 'vitest';
import { summariseLshw } from '../../../src-main/console/inventory/lshw-summary';
import { MASK, maskPowerParameters } from '../../../src-shared/inventory/power-secrets';

const server = `<?xml version="1.0" standalone="yes" ?>
<list><node id="r640" claimed="true" class="system">
  <product>PowerEdge R640 (SKU=0716;ModelName=PowerEdge R640)</product><vendor>Dell Inc.</vendor><serial>7XK2LM2</serial>
  <node id="core" class="bus">
    <node id="cpu:0" class="processor"><product>Intel(R) Xeon(R) Gold 6130 CPU @ 2.10GHz</product>
      <configuration><setting id="cores" value="16" /><setting id="threads" value="32" /></configuration></node>
    <node id="cpu:1" class="processor"><product>Intel(R) Xeon(R) Gold 6130 CPU @ 2.10GHz</product>
      <configuration><setting id="cores" value="16" /><setting id="threads" value="32" /></configuration></node>
    <node id="cpu:2" class="processor" disabled="true"><product>Empty socket</product></node>
    <node id="memory" class="memory"><description>System Memory</description><size units="bytes">68719476736</size>
      <node id="bank:0" class="memory"><description>DIMM DDR4 2666 MHz</description><slot>A1</slot><size units="bytes">34359738368</size></node>
      <node id="bank:1" class="memory"><description>DIMM DDR4 2666 MHz</description><slot>B1</slot><size units="bytes">34359738368</size></node>
      <node id="bank:2" class="memory"><description>[empty]</description><slot>A2</slot></node>
    </node>
    <node id="pci" class="bridge">
      <node id="network" class="network"><product>NetXtreme BCM5720 Gigabit Ethernet PCIe</product><vendor>Broadcom Inc.</vendor>
        <node id="network:0" class="network"><logicalname>eno1</logicalname><serial>d0:94:66:11:22:33</serial>
          <configuration><setting id="link" value="yes" /><setting id="speed" value="1Gbit/s" /></configuration></node>
      </node>
      <node id="disk" class="disk"><product>PERC H730P Mini</product><logicalname>/dev/sda</logicalname><serial>6d094660abcdef</serial><size units="bytes">479559942144</size></node>
      <node id="cdrom" class="disk"><description>DVD-RAM writer</description><logicalname>/dev/sr0</logicalname></node>
    </node>
  </node>
</node></list>`;

test('summarises a server: system, CPUs by model, memory and banks, disks, NICs with their controller', () => {
  expect(summariseLshw(server)).toEqual({
    vendor: 'Dell Inc.', product: 'PowerEdge R640 (SKU=0716;ModelName=PowerEdge R640)', serial: '7XK2LM2',
    cpus: [{ product: 'Intel(R) Xeon(R) Gold 6130 CPU @ 2.10GHz', cores: 16, threads: 32, count: 2 }],
    memoryBytes: 68719476736,
    memoryBanks: [
      { description: 'DIMM DDR4 2666 MHz', sizeBytes: 34359738368, slot: 'A1' },
      { description: 'DIMM DDR4 2666 MHz', sizeBytes: 34359738368, slot: 'B1' },
    ],
    disks: [{ name: '/dev/sda', product: 'PERC H730P Mini', sizeBytes: 479559942144, serial: '6d094660abcdef' }],
    nics: [{ name: 'eno1', product: 'NetXtreme BCM5720 Gigabit Ethernet PCIe', mac: 'd0:94:66:11:22:33', speed: '1Gbit/s', link: true }],
  });
});

test('firmware placeholders are left out; a DOCTYPE (entity tricks) is refused', () => {
  const blank = '<node id="x" class="system"><vendor>To Be Filled By O.E.M.</vendor><serial>0000000</serial></node>';
  expect(summariseLshw(blank)).toMatchObject({ vendor: null, serial: null });
  expect(() => summariseLshw('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><node class="system"><vendor>&e;</vendor></node>')).toThrow(/DOCTYPE/);
});

test('power parameters: passwords, communities and keys are masked, the rest shown', () => {
  expect(maskPowerParameters({ power_address: '10.0.0.5', power_user: 'root', power_pass: 'calvin', snmp_community: 'public', power_key: '', port: 623 }))
    .toEqual({ power_address: '10.0.0.5', power_user: 'root', power_pass: MASK, snmp_community: MASK, power_key: '', port: '623' });
});
