// MACs as technicians type or scan them: one or several in a field, separated by spaces,
// commas or semicolons, in any form src-shared/maas/mac.ts accepts (aa:bb:…, AA-BB-…,
// aabb.ccdd.eeff, aabbccddeeff). Normalised to MAAS's lower-case colon form.
import { normaliseMac } from '../maas/mac';

export interface MacInput {
  /** Normalised, in the order given, each once. */
  macs: string[];
  /** Pieces that are not MAC addresses, as typed. */
  bad: string[];
  /** MACs given more than once in this input (normalised). */
  repeated: string[];
}

export function parseMacInput(text: string): MacInput {
  const out: MacInput = { macs: [], bad: [], repeated: [] };
  for (const piece of text.split(/[\s,;|]+/).filter(Boolean)) {
    const m = normaliseMac(piece);
    if (!m) out.bad.push(piece);
    else if (out.macs.includes(m)) { if (!out.repeated.includes(m)) out.repeated.push(m); }
    else out.macs.push(m);
  }
  return out;
}
