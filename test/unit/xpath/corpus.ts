// A generated corpus of node details for the comparison tests and the bench: servers
// grown from the lshw fixture's own subtrees (CPUs, memory banks, storage controllers
// with disks, NICs) with varied vendors, products, sizes and capabilities; some nodes
// with LLDP, some with broken or empty details, some with none. Deterministic per seed.
import type { DocumentInput } from '../../../src-main/xpath/index';
import { fixtureLshw, LLDP_SAMPLE } from './samples';

/** Small deterministic PRNG (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The `<node id="ID" …>…</node>` subtree of the fixture, with its leading indentation. */
function subtree(xml: string, id: string): { start: number; end: number; text: string } {
  const open = xml.indexOf(`<node id="${id}"`);
  if (open < 0) throw new Error(`fixture has no node ${id}`);
  let depth = 0;
  let i = open;
  for (;;) {
    const nextOpen = xml.indexOf('<node ', i + 1);
    const nextClose = xml.indexOf('</node>', i + 1);
    if (nextOpen >= 0 && nextOpen < nextClose) {
      depth++;
      i = nextOpen;
    } else {
      if (depth === 0) {
        const end = nextClose + '</node>'.length;
        return { start: open, end, text: xml.slice(open, end) };
      }
      depth--;
      i = nextClose;
    }
  }
}

const CPU_MODELS = [
  ['Advanced Micro Devices [AMD]', 'AMD EPYC 7543 32-Core Processor'],
  ['Advanced Micro Devices [AMD]', 'AMD EPYC 9354 32-Core Processor'],
  ['Intel Corp.', 'Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz'],
  ['Intel Corp.', 'Intel(R) Xeon(R) Silver 4314 CPU @ 2.40GHz'],
  ['Ampere(R)', 'Ampere(R) Altra(R) Processor Q80-30'],
] as const;
const SYSTEMS = [
  ['Dell Inc.', 'PowerEdge R650'],
  ['Dell Inc.', 'PowerEdge R7525'],
  ['HPE', 'ProLiant DL380 Gen10 Plus'],
  ['Supermicro', 'SYS-1029P-WTR'],
  ['Lenovo', 'ThinkSystem SR650'],
  ['QEMU', 'Standard PC (Q35 + ICH9, 2009)'],
] as const;
const NICS = [
  ['Intel Corporation', 'Ethernet Controller X710 for 10GbE SFP+', '10000000000', 'i40e'],
  ['Mellanox Technologies', 'MT27800 Family [ConnectX-5]', '25000000000', 'mlx5_core'],
  ['Broadcom Inc. and subsidiaries', 'NetXtreme BCM5720 Gigabit Ethernet PCIe', '1000000000', 'tg3'],
  ['Red Hat, Inc.', 'Virtio 1.0 network device', '', 'virtio_net'],
] as const;
const DISKS = [
  ['Samsung', 'SAMSUNG MZ7LH960HAJR', 'SSD', 960197124096],
  ['Seagate', 'ST4000NM0035', 'HDD', 4000787030016],
  ['Micron', 'MTFDDAK1T9TDS', 'SSD', 1920383410176],
  ['Red Hat, Inc.', 'Virtio block device', 'virtual', 42949672960],
] as const;
const SWITCHES = ['switch01', 'tor-a12', 'tor-b07', 'spine-1'];

export interface CorpusOptions {
  seed?: number;
  /** Multiplies the number of CPUs, banks, disks and NICs (1 ≈ 17–40 kB, 8 ≈ 135 kB). */
  scale?: number;
  /** Include broken, empty and missing details (default true). */
  oddities?: boolean;
}

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)];
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

function makeLshw(rnd: () => number, scale: number, base: string, parts: Record<string, string>): string {
  const [sysVendor, sysProduct] = pick(rnd, SYSTEMS);
  const [cpuVendor, cpuProduct] = pick(rnd, CPU_MODELS);
  const sockets = 1 + Math.floor(rnd() * 2 * scale);
  const cpus: string[] = [];
  for (let s = 0; s < sockets; s++) {
    let cpu = parts.cpu
      .replace('<node id="cpu"', `<node id="cpu:${s}"`)
      .replace('<product>AMD EPYC</product>', `<product>${escapeXml(cpuProduct)}</product>`)
      .replace('<vendor>Advanced Micro Devices [AMD]</vendor>', `<vendor>${escapeXml(cpuVendor)}</vendor>`)
      .replace('<businfo>cpu@0</businfo>', `<businfo>cpu@${s}</businfo>`);
    // Vary the capabilities: drop some, and real hardware lacks "hypervisor".
    cpu = cpu.replace(/\n\s*<capability id="([a-z0-9_-]+)"[^\n]*/g, (line, id: string) =>
      (id === 'hypervisor' && sysVendor !== 'QEMU') || rnd() < 0.08 ? '' : line,
    );
    cpus.push(cpu);
  }
  const bankCount = 2 + Math.floor(rnd() * 6 * scale);
  const bankSize = pick(rnd, [8, 16, 32, 64]) * 1073741824;
  const banks = Array.from(
    { length: bankCount },
    (_, b) => `
     <node id="bank:${b}" claimed="true" class="memory" handle="DMI:00${(0x11 + b).toString(16)}">
      <description>DIMM DDR4 Synchronous Registered (Buffered) 3200 MHz (0.3 ns)</description>
      <product>${pick(rnd, ['M393A2K43DB3-CWE', 'HMA82GR7DJR8N-XN', '36ASF4G72PZ-3G2R1'])}</product>
      <vendor>${pick(rnd, ['Samsung', 'SK Hynix', 'Micron'])}</vendor>
      <physid>${b}</physid>
      <serial>${Math.floor(rnd() * 0xffffffff).toString(16).toUpperCase()}</serial>
      <slot>DIMM_${String.fromCharCode(65 + (b % 8))}${1 + Math.floor(b / 8)}</slot>
      <size units="bytes">${bankSize}</size>
      <width units="bits">64</width>
      <clock units="Hz">3200000000</clock>
     </node>`,
  ).join('');
  const memory = parts.memory
    .replace(/<size units="bytes">\d+<\/size>/, `<size units="bytes">${bankSize * bankCount}</size>`)
    .replace(/\n\s*<\/node>$/, `${banks}\n    </node>`);
  const storageCount = 1 + Math.floor(rnd() * 2 * scale);
  const storages: string[] = [];
  let diskIndex = 0;
  for (let c = 0; c < storageCount; c++) {
    const [vendor, product, kind, size] = pick(rnd, DISKS);
    const disksHere = 1 + Math.floor(rnd() * 3);
    const disks: string[] = [];
    for (let d = 0; d < disksHere; d++, diskIndex++) {
      disks.push(
        parts.disk
          .replace('<node id="virtio1"', `<node id="disk:${diskIndex}"`)
          .replace('<description>Virtual I/O device</description>', `<description>${kind} disk</description>\n         <product>${product}</product>\n         <vendor>${vendor}</vendor>\n         <serial>S${Math.floor(rnd() * 1e9)}</serial>\n         <size units="bytes">${size}</size>`)
          .replace('/dev/vda', `/dev/sd${String.fromCharCode(97 + (diskIndex % 26))}`)
          .replace(/\n\s*<logicalname>\/<\/logicalname>/, diskIndex === 0 ? '\n         <logicalname>/</logicalname>' : ''),
      );
    }
    storages.push(
      parts.storage
        .replace('<node id="storage"', `<node id="storage:${c}"`)
        .replace('PCI:0000:00:02.0', `PCI:0000:${(0x10 + c).toString(16).padStart(2, '0')}:00.0`)
        .replace(parts.disk, disks.join('\n        ')),
    );
  }
  const nicCount = 1 + Math.floor(rnd() * 3 * scale);
  const nics: string[] = [];
  for (let n = 0; n < nicCount; n++) {
    const [vendor, product, capacity, driver] = pick(rnd, NICS);
    const mac = Array.from({ length: 6 }, () => Math.floor(rnd() * 256).toString(16).padStart(2, '0')).join(':');
    let nic = parts.network
      .replace('<node id="network"', `<node id="network:${n}"`)
      .replace('<product>Virtio 1.0 network device</product>', `<product>${product}</product>`)
      .replace('<vendor>Red Hat, Inc.</vendor>', `<vendor>${vendor}</vendor>`)
      .replace('<serial>02:fc:00:00:00:01</serial>', `<serial>${mac}</serial>${capacity ? `\n         <capacity units="bit/s">${capacity}</capacity>` : ''}`)
      .replace('<logicalname>eth0</logicalname>', `<logicalname>eth${n}</logicalname>`)
      .replace('value="virtio_net"', `value="${driver}"`)
      .replace('<setting id="ip" value="192.0.2.2" />', rnd() < 0.5 ? `<setting id="ip" value="192.0.2.${n + 2}" />` : '');
    if (capacity === '10000000000') nic = nic.replace('<capability id="ethernet" />', '<capability id="ethernet" />\n          <capability id="10000bt-fd" >10Gbit/s (full duplex)</capability>\n          <capability id="fibre" >optical fibre</capability>');
    nics.push(nic);
  }
  let xml = base;
  // Replace from the end so earlier offsets stay valid.
  const replaceSubtree = (id: string, replacement: string): void => {
    const { start, end } = subtree(xml, id);
    xml = xml.slice(0, start) + replacement + xml.slice(end);
  };
  replaceSubtree('network', nics.join('\n      '));
  replaceSubtree('storage', storages.join('\n      '));
  replaceSubtree('cpu', cpus.join('\n    '));
  replaceSubtree('memory', memory);
  xml = xml.replace(
    '<description>Computer</description>',
    `<description>${sysVendor === 'QEMU' ? 'Computer' : 'Rack Mount Chassis'}</description>\n <product>${escapeXml(sysProduct)}</product>\n <vendor>${escapeXml(sysVendor)}</vendor>\n <serial>${Math.floor(rnd() * 1e8)}</serial>`,
  );
  if (rnd() < 0.1) xml = xml.replace('claimed="true" class="bus"', 'claimed="false" class="bus"');
  return xml;
}

function makeLldp(rnd: () => number): string {
  return LLDP_SAMPLE.replace('switch01', pick(rnd, SWITCHES))
    .replace('vlan-id="100"', `vlan-id="${pick(rnd, [100, 200, 300])}"`)
    .replace('Gi0/1', `Gi0/${1 + Math.floor(rnd() * 48)}`);
}

/** Generates `count` nodes' details. */
export function generateCorpus(count: number, options: CorpusOptions = {}): DocumentInput[] {
  return [...corpusNodes(count, options)];
}

/** The same nodes one at a time (for corpora too big to hold as text). */
export function* corpusNodes(count: number, options: CorpusOptions = {}): Generator<DocumentInput> {
  const rnd = random(options.seed ?? 1);
  const scale = options.scale ?? 1;
  const oddities = options.oddities ?? true;
  const base = fixtureLshw();
  const parts = {
    cpu: subtree(base, 'cpu').text,
    memory: subtree(base, 'memory').text,
    storage: subtree(base, 'storage').text,
    disk: subtree(base, 'virtio1').text,
    network: subtree(base, 'network').text,
  };
  for (let i = 0; i < count; i++) {
    const id = `node-${String(i).padStart(5, '0')}`;
    const roll = oddities ? rnd() : 1;
    const lldp = rnd() < 0.35 ? makeLldp(rnd) : null;
    if (roll < 0.02) yield { id }; // no details at all
    else if (roll < 0.04) yield { id, lshw: null, lldp: lldp ?? makeLldp(rnd) }; // LLDP only
    else if (roll < 0.06) {
      const lshw = makeLshw(rnd, scale, base, parts);
      yield { id, lshw: lshw.slice(0, Math.floor(lshw.length * rnd())), lldp }; // truncated
    } else if (roll < 0.07) yield { id, lshw: '', lldp }; // empty detail
    else if (roll < 0.08) yield { id, lshw: makeLshw(rnd, scale, base, parts), lldp: '<lldp><broken></lldp>' };
    else yield { id, lshw: makeLshw(rnd, scale, base, parts), lldp };
  }
}
