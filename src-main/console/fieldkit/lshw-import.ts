// A folder of lshw XML files from a USB stick: each file goes to the captured node that has
// one of the MACs in it (lshw lists each interface's MAC as <serial> of a network node), else
// to the node named by the file (hostname.xml or aa-bb-cc-dd-ee-ff.xml). Files that are not
// lshw XML or match nothing are listed with the reason, and nothing else is affected. Asked
// to, a file that matches nothing becomes a new captured node: its hostname is the lshw's
// own (the id of its root node, which lshw sets to the machine's hostname), else the file's
// name, its MACs those of its network interfaces; power is filled in later.
import type { CaptureRequest, CapturedNode, LshwImportResult } from '../../../src-shared/contract/fieldkit';
import { hostnameProblem } from '../../../src-shared/fieldkit/hostname-pattern';
import { normaliseMac } from '../../../src-shared/maas/mac';
import { summariseLshw } from '../inventory/lshw-summary';
import type { MaasClient } from '../../maas-client/index';

export interface LshwFile { name: string; text: string }

const stem = (name: string) => (name.split(/[\\/]/).pop() ?? name).replace(/\.(xml|lshw)$/i, '');

/** The hostname lshw recorded: the id of the first <node> (the machine), once the file parsed as lshw. */
export function lshwHostname(xml: string): string | null {
  const id = /<node\b[^>]*?\bid="([^"]{1,255})"/.exec(xml.replace(/<!--[\s\S]*?-->/g, ''))?.[1] ?? null;
  return id && !hostnameProblem(id) ? id : null;
}

/** `captureNew`: captures a node for a file that matches none (Capture.capture). */
export async function importLshwFolder(local: MaasClient, nodes: CapturedNode[], files: LshwFile[],
  captureNew?: (req: CaptureRequest) => Promise<CapturedNode>): Promise<LshwImportResult> {
  const byMac = new Map<string, CapturedNode>();
  for (const n of nodes) for (const m of n.macs) byMac.set(m, n);
  const byHost = new Map(nodes.map((n) => [n.hostname.toLowerCase(), n]));
  const out: LshwImportResult = { attached: [], unmatched: [] };
  for (const f of files) {
    const text = f.text.trim();
    if (!text.startsWith('<')) { out.unmatched.push({ file: f.name, reason: 'not XML (it does not start with "<")' }); continue; }
    let macs: string[];
    try {
      macs = summariseLshw(text).nics.map((n) => (n.mac ? normaliseMac(n.mac) : null)).filter((m): m is string => !!m);
    } catch (e) {
      out.unmatched.push({ file: f.name, reason: `not readable lshw XML: ${(e as Error).message.split('\n')[0].slice(0, 200)}` });
      continue;
    }
    let node: CapturedNode | undefined;
    let by: LshwImportResult['attached'][number]['by'] = 'mac';
    const owners = new Set(macs.map((m) => byMac.get(m)).filter((n): n is CapturedNode => !!n));
    if (owners.size > 1) {
      out.unmatched.push({ file: f.name, reason: `its MACs belong to several nodes: ${[...owners].map((n) => n.hostname).join(', ')}` });
      continue;
    }
    node = [...owners][0];
    if (!node) {
      const s = stem(f.name);
      const asMac = normaliseMac(s);
      node = asMac ? byMac.get(asMac) : byHost.get(s.toLowerCase());
      by = asMac ? 'file-name-mac' : 'hostname';
    }
    if (!node && macs.length && captureNew) {
      const hostname = lshwHostname(text) ?? stem(f.name);
      try {
        node = await captureNew({ hostname, macs });
        by = 'new';
        byHost.set(node.hostname.toLowerCase(), node);
        for (const m of node.macs) byMac.set(m, node);
      } catch (e) {
        out.unmatched.push({ file: f.name, reason: `not captured as a new node: ${(e as Error).message.replace(/^Not captured: /, '').slice(0, 300)}` });
        continue;
      }
    }
    if (!node) {
      out.unmatched.push(macs.length
        ? { file: f.name, reason: `no captured node has ${macs.join(', ')} or is named ${stem(f.name)}`, canCapture: true }
        : { file: f.name, reason: `no MAC in the file and no captured node is named ${stem(f.name)}` });
      continue;
    }
    try {
      await local.setDetails(node.systemId, { lshw: f.text });
      out.attached.push({ file: f.name, hostname: node.hostname, systemId: node.systemId, by });
    } catch (e) {
      out.unmatched.push({ file: f.name, reason: `the region refused it for ${node.hostname}: ${(e as Error).message.slice(0, 300)}` });
    }
  }
  return out;
}
