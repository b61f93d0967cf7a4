// The documents the generated definitions run over: small and odd on purpose, so that a
// definition's answer differs between nodes and every unusual shape MAAS meets is there —
// namespaces (declared and default), a DOCTYPE, lshw of several machines inside `<list>`,
// mixed content, comments, CDATA and processing instructions, xml:id and xml:lang, entity
// and character references, numbers in every form libxml2 reads, empty, broken and
// missing details. Plus the lshw fixture and a few generated servers of ordinary shape.
import type { DocumentInput } from '../../../../src-main/xpath/index';
import { generateCorpus } from '../../../unit/xpath/corpus';
import { fixtureLshw, LLDP_SAMPLE } from '../../../unit/xpath/samples';

const TINY = `<node id="tiny" class="system" handle="PCI:0000:00" claimed="true">
 <vendor>Intel X</vendor>
 <product>Box 1</product>
 <size units="bytes">1024</size>
 <node id="cpu" class="processor" handle="PCI:0000:00:1f.0">
  <vendor>AMD</vendor>
  <product>EPYC 7543</product>
  <capabilities><capability id="avx">AVX</capability><capability id="sse2"/></capabilities>
 </node>
 <node id="disk" class="disk"><size units="bytes">960197124096</size><logicalname>/dev/sda</logicalname></node>
</node>`;

/** Number forms libxml2 2.9 reads its own way, as text and as attribute values. */
const NUMBERS = `<node id="numbers" class="system">
 <v>1e3</v><v>.5</v><v> 12 </v><v>NaN</v><v>Infinity</v>
 <v>-0</v><v>1.5</v><v>+3</v><v>12345678901234567890123</v><v>0.000000000000000000000001234</v>
 <v>1.</v><v>-.5</v><v>1e</v><v>2E-2</v><v>1e400</v><v></v>
 <size>0</size><size>-1</size><w b=" 12 " c="1e3" d=".5" e="NaN"/>
</node>`;

/** A `-` with no digits: -0 in MAAS's libxml2 2.9 (NaN in later libxml2). */
const DASHES = `<node id="dashes" class="system"><v>-</v><v> - </v><v>-e</v><v>-E1</v><size>-</size><w a="-"/></node>`;

const MIXED = `<?xml version="1.0"?>
<!-- before the root -->
<node id="mixed" class="system">text before<vendor>V<!-- inside -->W</vendor><![CDATA[cdata <here>]]><?pi some data?>
 <product>P &amp; Q &lt;R&gt; &#65;&#x42;</product><description xml:lang="en-GB">Ünïcode ☃ “quoted” 'single'</description>
 <node id="child" class="bus" xml:id="c1"><vendor>it's "both"</vendor></node>tail
</node>`;

const NAMESPACED = `<node xmlns:x="urn:x" id="ns" class="system"><vendor>NS Corp</vendor><x:extra x:attr="1">extra</x:extra>
 <node id="cpu" class="processor"><vendor>AMD</vendor></node></node>`;

const DEFAULT_NAMESPACE = `<node xmlns="urn:y" id="dflt" class="system"><vendor>Default NS</vendor><node id="cpu" class="processor"/></node>`;

const DOCTYPE = `<!DOCTYPE node><node id="doctype" class="system"><vendor>Dell Inc.</vendor><size>42</size></node>`;

const LIST_OF_MACHINES = `<list>
<node id="first" class="system"><vendor>HPE</vendor><node id="cpu" class="processor"><product>Xeon</product></node></node>
<node id="second" class="system"><vendor>Lenovo</vendor></node>
</list>`;

const XML_ID = `<node xml:id="machine-1" id="xmlid" class="system"><vendor xml:lang="fr">Bull</vendor><node id="cpu" class="processor" xml:id="cpu-1"/></node>`;

const LLDP_ODD = `<lldp label="LLDP neighbors"><interface label="Interface" name="eth1" via="LLDP"><chassis label="Chassis">
<id label="ChassisID" type="mac">aa:bb:cc:dd:ee:ff</id><name label="SysName">tor-a12</name></chassis>
<port label="Port"><id label="PortID" type="ifname">Gi0/7</id></port><vlan label="VLAN" vlan-id="200" pvid="no">v200</vlan></interface></lldp>`;

export function oddCorpus(): DocumentInput[] {
  const fixture = fixtureLshw();
  const servers = generateCorpus(2, { seed: 5, scale: 0.25, oddities: false }).map((d, i) => ({ ...d, id: `server-${i}` }));
  return [
    { id: 'tiny', lshw: TINY },
    { id: 'tiny-lldp', lshw: TINY, lldp: LLDP_ODD },
    { id: 'fixture-lldp', lshw: fixture, lldp: LLDP_SAMPLE },
    { id: 'numbers', lshw: NUMBERS },
    { id: 'dashes', lshw: DASHES },
    { id: 'mixed', lshw: MIXED, lldp: LLDP_SAMPLE },
    { id: 'namespaced', lshw: NAMESPACED },
    { id: 'default-namespace', lshw: DEFAULT_NAMESPACE, lldp: LLDP_ODD },
    { id: 'doctype', lshw: DOCTYPE },
    { id: 'list-of-machines', lshw: LIST_OF_MACHINES },
    { id: 'xml-id', lshw: XML_ID },
    { id: 'leaf-root', lshw: '<node id="leaf" class="system"/>', lldp: LLDP_ODD },
    { id: 'empty-lshw', lshw: '', lldp: LLDP_SAMPLE },
    { id: 'empty-both', lshw: '', lldp: '' },
    { id: 'broken-lshw', lshw: '<node id="broken"><vendor></node>', lldp: LLDP_ODD },
    { id: 'broken-lldp', lshw: TINY, lldp: '<lldp><interface></lldp>' },
    { id: 'lldp-only', lldp: LLDP_SAMPLE },
    { id: 'no-details' },
    ...servers,
  ];
}
