// Hardware details are stored as received, after one streaming pass (saxes) that proves
// them well-formed and safe: saxes has no DTD support and never expands or fetches an
// entity, and we refuse a DOCTYPE that declares anything (internal subset or external id)
// so a hostile document cannot reach a DTD-aware parser later (billion laughs, XXE).
// The same pass gathers the facts MAAS's commissioning scripts took from these documents.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { normaliseMac } from '../../../src-shared/maas/index';

export type DetailKind = 'lshw' | 'lldp';

export interface DetailFacts {
  /** lshw: enabled processors under node[@id="core"], counting their cores setting (else 1). */
  cpuCount?: number;
  /** lshw: MiB from the first memory size in document order (MAAS 1.8 _xpath_memory_bytes). */
  memoryMiB?: number;
  /** lldp: `//chassis/id[@type='mac']/text()` (MAAS's extract_router_mac_addresses). */
  routers?: string[];
}

export type XmlCheck = { ok: true; facts: DetailFacts } | { ok: false; message: string };

function decode(bytes: Buffer): string {
  const head = bytes.subarray(0, 200).toString('latin1');
  const enc = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1]?.toLowerCase() ?? 'utf-8';
  return new TextDecoder(enc, { fatal: true }).decode(bytes);
}

export function checkDetailsXml(bytes: Buffer, kind: DetailKind): XmlCheck {
  let text: string;
  try {
    text = decode(bytes);
  } catch (e) {
    return { ok: false, message: `${kind}: not readable text in its declared encoding (${(e as Error).message}).` };
  }
  const facts: DetailFacts = kind === 'lshw' ? { cpuCount: 0 } : { routers: [] };
  const parser = new SaxesParser({ position: true });
  // Element stack entries: name and the attributes we care about.
  const stack: SaxesTagPlain[] = [];
  let roots = 0;
  let cpuCores: number | null = null; // cores setting of the processor being read
  let routerText: string | null = null;
  let memoryText: string | null = null;
  let problem: string | null = null;

  parser.on('error', (e) => {
    throw e;
  });
  parser.on('doctype', (dt) => {
    if (/[[]|\bSYSTEM\b|\bPUBLIC\b|<!ENTITY/i.test(dt)) {
      problem = `${kind}: a DOCTYPE with declarations or an external DTD is refused (no DTDs or entities are processed).`;
      throw new Error(problem);
    }
  });
  parser.on('opentag', (tag) => {
    const t = tag as SaxesTagPlain;
    if (stack.length === 0) roots++;
    const parent = stack.at(-1);
    stack.push(t);
    if (kind === 'lshw') {
      if (t.name === 'node' && t.attributes.class === 'processor' && parent?.name === 'node' &&
          parent.attributes.id === 'core' && t.attributes.disabled === undefined) cpuCores = 1;
      if (t.name === 'setting' && t.attributes.id === 'cores' && cpuCores !== null) {
        const n = Number(t.attributes.value);
        if (Number.isInteger(n) && n > 0) cpuCores = n;
      }
      if (t.name === 'size' && t.attributes.units === 'bytes' && facts.memoryMiB === undefined && parent?.name === 'node') {
        const pid = String(parent.attributes.id ?? '');
        const grand = stack.at(-3);
        if (pid === 'memory' || (pid.startsWith('bank:') && String(grand?.attributes.id ?? '').startsWith('memory:'))) memoryText = '';
      }
    } else if (t.name === 'id' && t.attributes.type === 'mac' && parent?.name === 'chassis') routerText = '';
  });
  parser.on('text', (s) => {
    if (routerText !== null) routerText += s;
    if (memoryText !== null) memoryText += s;
  });
  parser.on('closetag', (tag) => {
    stack.pop();
    if (routerText !== null && tag.name === 'id') {
      const mac = normaliseMac(routerText);
      if (mac) facts.routers!.push(mac);
      routerText = null;
    }
    if (memoryText !== null && tag.name === 'size') {
      const n = Number(memoryText.trim());
      if (Number.isFinite(n)) facts.memoryMiB = Math.floor(n / 1024 / 1024);
      memoryText = null;
    }
    if (tag.name === 'node' && cpuCores !== null && (tag as SaxesTagPlain).attributes.class === 'processor') {
      facts.cpuCount! += cpuCores;
      cpuCores = null;
    }
  });
  try {
    parser.write(text).close();
  } catch (e) {
    return { ok: false, message: problem ?? `${kind}: not well-formed XML: ${(e as Error).message}` };
  }
  if (roots !== 1) return { ok: false, message: `${kind}: not well-formed XML: no root element.` };
  return { ok: true, facts };
}
