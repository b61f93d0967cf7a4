// A floor spreadsheet, checked row by row before anything is captured: each row is valid or
// wrong with every reason (bad MAC, MAC twice in the file or already on a node, hostname
// taken…). papaparse reads the CSV (quoting, RFC 4180). Columns, case-insensitive:
// hostname, mac/macs/mac_addresses (several separated by spaces or ";"), zone, power_type,
// architecture, notes, and power_* for the power parameters (power_address, power_pass…).
import Papa from 'papaparse';
import { validatePowerParameters } from '../maas/power-params/index';
import type { CaptureRequest, CsvPreview, CsvRowPreview } from '../contract/fieldkit';
import { parseMacInput } from './mac-input';
import { hostnameProblem } from './hostname-pattern';

const MAC_COLUMNS = ['mac', 'macs', 'mac_address', 'mac_addresses'];
export const MAX_CSV_ROWS = 20_000;

export interface CsvRow { line: number; request: CaptureRequest; preview: CsvRowPreview }

export interface KnownNodes {
  /** MAC → hostname of the node that has it. */
  macOwner: ReadonlyMap<string, string>;
  /** Lower-case hostnames already used. */
  hostnames: ReadonlySet<string>;
}

const key = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, '_');

export function readCsvRows(text: string, known: KnownNodes): { rows: CsvRow[]; preview: CsvPreview } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true, skipEmptyLines: 'greedy', transformHeader: key,
  });
  const fields = parsed.meta.fields ?? [];
  const macCol = MAC_COLUMNS.find((c) => fields.includes(c));
  const empty = (fileProblem: string) => ({ rows: [], preview: { rows: [], valid: 0, wrong: 0, fileProblem } });
  if (!fields.includes('hostname') || !macCol) {
    return empty(`The first line must name the columns; "hostname" and "mac" are required (found: ${fields.slice(0, 12).join(', ') || 'nothing'}).`);
  }
  if (parsed.data.length > MAX_CSV_ROWS) return empty(`The file has ${parsed.data.length} rows; at most ${MAX_CSV_ROWS} at once.`);
  const rowErrors = new Map<number, string[]>();
  for (const e of parsed.errors) if (e.row !== undefined) rowErrors.set(e.row, [...(rowErrors.get(e.row) ?? []), e.message]);
  const seenMac = new Map<string, number>();
  const seenHost = new Map<string, number>();
  const rows: CsvRow[] = parsed.data.map((r, i) => {
    // Line numbers count the header; papaparse skipped empty lines, so this is the row's ordinal + 1.
    const line = i + 2;
    const problems = [...(rowErrors.get(i) ?? [])];
    const hostname = (r.hostname ?? '').trim();
    const hp = hostnameProblem(hostname);
    if (hp) problems.push(hp);
    else if (known.hostnames.has(hostname.toLowerCase())) problems.push(`hostname ${hostname} is already captured`);
    else if (seenHost.has(hostname.toLowerCase())) problems.push(`hostname ${hostname} is also on line ${seenHost.get(hostname.toLowerCase())}`);
    else seenHost.set(hostname.toLowerCase(), line);
    const mi = parseMacInput(r[macCol] ?? '');
    if (!mi.macs.length && !mi.bad.length) problems.push('no MAC address');
    for (const b of mi.bad) problems.push(`"${b.slice(0, 40)}" is not a MAC address`);
    for (const m of mi.repeated) problems.push(`MAC ${m} is given twice in this row`);
    for (const m of mi.macs) {
      const owner = known.macOwner.get(m);
      if (owner) problems.push(`MAC ${m} is already on ${owner}`);
      else if (seenMac.has(m)) problems.push(`MAC ${m} is also on line ${seenMac.get(m)}`);
      else seenMac.set(m, line);
    }
    const powerParams: Record<string, string> = {};
    for (const [k, v] of Object.entries(r)) {
      if (k.startsWith('power_') && k !== 'power_type' && typeof v === 'string' && v.trim() !== '') powerParams[k] = v.trim();
    }
    const zone = (r.zone ?? '').trim();
    if (zone && !/^[\w-]+$/.test(zone)) problems.push(`zone "${zone.slice(0, 40)}" is not a zone name (letters, digits, "_" and "-")`);
    const powerType = (r.power_type ?? '').trim();
    if (Object.keys(powerParams).length && !powerType) problems.push('power parameters given without a power_type');
    // The region's own rules, so a row the preview calls valid is one the region takes.
    else if (powerType) {
      const checked = validatePowerParameters(powerType, powerParams);
      if (!checked.ok) problems.push(...Object.entries(checked.errors).flatMap(([field, ms]) => ms.map((m) => `${field} ${m}`)));
    }
    const request: CaptureRequest = {
      hostname, macs: mi.macs, zone: zone || undefined, powerType: powerType || undefined,
      powerParams: Object.keys(powerParams).length ? powerParams : undefined,
      architecture: (r.architecture ?? '').trim() || undefined, notes: (r.notes ?? '').trim() || undefined,
    };
    const preview: CsvRowPreview = {
      line, hostname, macs: mi.macs, zone, powerType, powerParamNames: Object.keys(powerParams), ok: problems.length === 0, problems,
    };
    return { line, request, preview };
  });
  const valid = rows.filter((r) => r.preview.ok).length;
  return { rows, preview: { rows: rows.map((r) => r.preview), valid, wrong: rows.length - valid, fileProblem: null } };
}
