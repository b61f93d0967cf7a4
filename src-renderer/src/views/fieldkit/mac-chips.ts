// The MAC field of the capture form, for scanners: a scanner types a MAC and Enter, so a
// piece that reads as a MAC is taken at once; duplicates are refused before saving.
import { parseMacInput } from '../../../../src-shared/fieldkit/mac-input';

export interface MacAdd { add: string[]; problems: string[] }

export function takeMacs(text: string, have: readonly string[]): MacAdd {
  const p = parseMacInput(text);
  const problems = p.bad.map((b) => `"${b.slice(0, 40)}" is not a MAC address`);
  const add = p.macs.filter((m) => {
    if (have.includes(m)) { problems.push(`${m} is already in this node's list`); return false; }
    return true;
  });
  return { add, problems };
}
