// Capture on the floor into This laptop (the embedded region): one node at a time from the
// capture view, or rows of a CSV. MACs are normalised and a MAC already on a node is refused
// at once, naming that node. Power parameters (the BMC password too) go to the region in the
// enlist request and it keeps them in its protected store; they are never logged or echoed.
import { ConsoleFailure } from '../../../src-shared/contract/errors';
import type { CaptureRequest, CapturedNode, MacOwner } from '../../../src-shared/contract/fieldkit';
import type { NodeSummary } from '../../../src-shared/contract/maas-types';
import { parseMacInput } from '../../../src-shared/fieldkit/mac-input';
import { hostnameProblem } from '../../../src-shared/fieldkit/hostname-pattern';
import { normaliseMac, uniqueMacs } from '../../../src-shared/maas/mac';
import type { MaasClient } from '../../maas-client/index';
import type { NotesStore } from './notes-store';

export interface CaptureDeps {
  /** The client of This laptop. */
  local: () => Promise<MaasClient>;
  notes: NotesStore;
}

export const DEFAULT_ARCHITECTURE = 'amd64/generic';

export function toCaptured(n: NodeSummary, notes: string): CapturedNode {
  return {
    systemId: n.systemId, hostname: n.hostname, macs: uniqueMacs(n.macAddresses), zone: n.zone, powerType: n.powerType,
    architecture: n.architecture, statusName: n.statusName, tags: n.tags, notes,
    // The region fills cpu_count and memory from attached lshw (region/details/check-xml.ts).
    hasDetails: n.cpuCount > 0 || n.memory > 0,
  };
}

export class Capture {
  constructor(private d: CaptureDeps) {}

  async list(): Promise<CapturedNode[]> {
    const nodes = await (await this.d.local()).listNodes();
    const notes = this.d.notes.all();
    return nodes.map((n) => toCaptured(n, notes.get(n.systemId) ?? ''));
  }

  async macOwner(text: string): Promise<MacOwner | null> {
    const mac = normaliseMac(text);
    if (!mac) throw new ConsoleFailure('bad-input', `"${text.slice(0, 40)}" is not a MAC address (aa:bb:cc:dd:ee:ff, AA-BB-…, aabb.ccdd.eeff or aabbccddeeff).`);
    const [n] = await (await this.d.local()).listNodes({ macAddresses: [mac] });
    return n ? { mac, systemId: n.systemId, hostname: n.hostname } : null;
  }

  async zoneNames(): Promise<Set<string>> { return new Set((await (await this.d.local()).listZones()).map((z) => z.name)); }

  /** Checks and enlists one node; `zones` caches the region's zone names across a batch. */
  async capture(req: CaptureRequest, zones?: Set<string>): Promise<CapturedNode> {
    const hostname = req.hostname.trim();
    const hp = hostnameProblem(hostname);
    if (hp) throw new ConsoleFailure('bad-input', `Not captured: ${hp}.`);
    const mi = parseMacInput(req.macs.join(' '));
    if (mi.bad.length) throw new ConsoleFailure('bad-input', `Not captured: ${mi.bad.map((b) => `"${b.slice(0, 40)}"`).join(', ')} ${mi.bad.length > 1 ? 'are not MAC addresses' : 'is not a MAC address'}.`);
    if (mi.repeated.length) throw new ConsoleFailure('bad-input', `Not captured: MAC ${mi.repeated.join(', ')} is given twice.`);
    if (!mi.macs.length) throw new ConsoleFailure('bad-input', 'Not captured: at least one MAC address is needed.');
    const c = await this.d.local();
    const owners = await c.listNodes({ macAddresses: mi.macs });
    for (const o of owners) {
      const m = mi.macs.find((x) => o.macAddresses.includes(x));
      throw new ConsoleFailure('conflict', `Not captured: MAC ${m} is already on ${o.hostname} (${o.systemId}).`);
    }
    if ((await c.listNodes({ hostnames: [hostname] })).length) {
      throw new ConsoleFailure('conflict', `Not captured: hostname ${hostname} is already used on This laptop.`);
    }
    const zone = req.zone?.trim();
    if (zone && zone !== 'default') {
      const known = zones ?? await this.zoneNames();
      if (!known.has(zone)) { await c.createZone(zone, 'Created by the field kit at capture'); known.add(zone); }
    }
    let n = await c.createNode({
      hostname, architecture: req.architecture?.trim() || DEFAULT_ARCHITECTURE, macAddresses: mi.macs,
      powerType: req.powerType?.trim() || undefined, powerParameters: req.powerParams,
    });
    if (zone && zone !== 'default') { await c.setZone([n.systemId], zone); n = { ...n, zone }; }
    const notes = req.notes?.trim() ?? '';
    if (notes) this.d.notes.set(n.systemId, notes);
    return toCaptured(n, notes);
  }
}
