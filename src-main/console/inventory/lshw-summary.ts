// The hardware summary of a node's detail view, read from its lshw XML in one streaming pass
// (saxes: no DTD, no external entities — the XML came from a server). lshw nests a PCI
// network controller (product, vendor) around the interface it drives (logical name, MAC
// as <serial>), so an interface borrows its product from the nearest controller above it.
import { SaxesParser } from 'saxes';
import type { HardwareSummary } from '../../../src-shared/contract/inventory';

interface Frame {
  cls: string;
  id: string;
  disabled: boolean;
  text: Record<string, string>;
  sizeBytes: number | null;
  logicalNames: string[];
  settings: Record<string, string>;
}

const num = (s: string | undefined): number | null => {
  const n = s === undefined ? NaN : Number(s.trim());
  return Number.isFinite(n) ? n : null;
};
const clean = (s: string | undefined): string | null => {
  const t = s?.trim();
  // lshw fills blanks with firmware placeholders; they are noise in a summary.
  return t && !/^(to be filled by o\.e\.m\.|not specified|default string|none|0+)$/i.test(t) ? t : null;
};

export function summariseLshw(xml: string): HardwareSummary {
  const out: HardwareSummary = { vendor: null, product: null, serial: null, cpus: [], memoryBytes: null, memoryBanks: [], disks: [], nics: [] };
  const stack: Frame[] = [];
  let field: string | null = null;
  let buf = '';
  const parser = new SaxesParser({ xmlns: false });
  parser.on('doctype', () => { throw new Error('lshw XML with a DOCTYPE is refused'); });
  parser.on('opentag', (t) => {
    if (t.name === 'node') {
      const a = t.attributes as Record<string, string>;
      stack.push({ cls: a.class ?? '', id: a.id ?? '', disabled: a.disabled === 'true', text: {}, sizeBytes: null, logicalNames: [], settings: {} });
      field = null;
    } else if (stack.length && t.name === 'setting') {
      const a = t.attributes as Record<string, string>;
      if (a.id) stack.at(-1)!.settings[a.id] = a.value ?? '';
    } else if (stack.length) {
      field = t.name;
      buf = '';
    }
  });
  parser.on('text', (s) => { if (field) buf += s; });
  parser.on('cdata', (s) => { if (field) buf += s; });
  parser.on('closetag', (t) => {
    const top = stack.at(-1);
    if (t.name !== 'node') {
      if (top && field === t.name) {
        if (t.name === 'logicalname') top.logicalNames.push(buf.trim());
        else if (t.name === 'size' || t.name === 'capacity') top.sizeBytes ??= num(buf);
        else top.text[t.name] ??= buf;
      }
      field = null;
      return;
    }
    stack.pop();
    if (!top) return;
    collect(out, top, stack);
  });
  parser.write(xml).close();
  return out;
}

function collect(out: HardwareSummary, n: Frame, parents: Frame[]) {
  const t = n.text;
  if (n.cls === 'system' && parents.length === 0) {
    out.vendor = clean(t.vendor);
    out.product = clean(t.product);
    out.serial = clean(t.serial);
  } else if (n.cls === 'processor' && !n.disabled) {
    const product = clean(t.product) ?? clean(t.version) ?? 'Processor';
    const cores = num(n.settings.cores);
    const threads = num(n.settings.threads);
    const same = out.cpus.find((c) => c.product === product && c.cores === cores && c.threads === threads);
    if (same) same.count++;
    else out.cpus.push({ product, cores, threads, count: 1 });
  } else if (n.cls === 'memory' && (n.id === 'memory' || /^memory(:\d+)?$/.test(n.id))) {
    if (n.sizeBytes) out.memoryBytes = (out.memoryBytes ?? 0) + n.sizeBytes;
  } else if (n.cls === 'memory' && /^bank/.test(n.id) && n.sizeBytes) {
    out.memoryBanks.push({ description: clean(t.description) ?? 'Memory', sizeBytes: n.sizeBytes, slot: clean(t.slot) });
  } else if (n.cls === 'disk' && n.logicalNames.some((l) => l.startsWith('/dev/')) && !/cdrom|dvd/i.test(t.description ?? '')) {
    out.disks.push({
      name: n.logicalNames.find((l) => l.startsWith('/dev/'))!,
      product: clean(t.product) ?? clean(t.description) ?? 'Disk',
      sizeBytes: n.sizeBytes, serial: clean(t.serial),
    });
  } else if (n.cls === 'network' && (n.logicalNames.length || t.serial)) {
    const controller = [...parents].reverse().find((p) => p.cls === 'network' && p.text.product);
    out.nics.push({
      name: n.logicalNames[0] ?? n.id,
      product: clean(t.product) ?? clean(controller?.text.product) ?? clean(t.description) ?? 'Network interface',
      mac: clean(t.serial),
      speed: n.settings.speed ?? null,
      link: n.settings.link === undefined ? null : n.settings.link === 'yes',
    });
  }
}
