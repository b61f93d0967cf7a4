// The push report a technician saves and hands over: one row per node, CSV (formula-escaped,
// via the inventory's toCsv) or the whole journal as JSON.
import type { PushReport } from '../contract/fieldkit';
import { toCsv } from '../inventory/csv';
import { describeChange } from './push-diff';

export function pushReportCsv(r: PushReport): string {
  return toCsv([
    ['hostname', 'macs', 'verdict', 'outcome', 'target system id', 'changes', 'why / what was done'],
    ...r.items.map((i) => [i.hostname, i.macs.join(' '), i.verdict, i.state, i.targetId ?? '',
      i.fields.map(describeChange).join('; '), i.message ?? i.reason ?? '']),
  ]);
}

export const pushReportName = (r: PushReport, ext: 'csv' | 'json') =>
  `push-${r.targetName.replace(/[^\w.-]+/g, '_')}-${r.createdAt.replace(/[:.]/g, '-')}.${ext}`;
