// Export of filtered events. CSV through papaparse (quoting, and `escapeFormulae` so a
// description starting with = + - @ cannot run as a formula in a spreadsheet); NDJSON is
// one JSON object per line (ndjson.org), so `jq` and log tools stream it.
import Papa from 'papaparse';
import type { LoggedEvent } from '../contract/events';

export type ExportFormat = 'csv' | 'ndjson';

const COLUMNS = ['id', 'time', 'level', 'type', 'hostname', 'system_id', 'description', 'created'] as const;

/** The record both formats carry: `time` is ISO 8601 UTC, `created` the server's own text. */
export const exportRecord = (e: LoggedEvent) => ({
  id: e.id,
  time: e.at === null ? null : new Date(e.at).toISOString(),
  level: e.level,
  type: e.type,
  hostname: e.hostname,
  system_id: e.systemId,
  description: e.description,
  created: e.created,
});

export function toCsv(events: LoggedEvent[]): string {
  const data = events.map((e) => {
    const r = exportRecord(e);
    return COLUMNS.map((c) => r[c] ?? '');
  });
  return Papa.unparse({ fields: [...COLUMNS], data }, { newline: '\r\n', escapeFormulae: true }) + '\r\n';
}

export function toNdjson(events: LoggedEvent[]): string {
  let out = '';
  for (const e of events) out += JSON.stringify(exportRecord(e)) + '\n';
  return out;
}

export const mediaTypeOf = (f: ExportFormat) => (f === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson');

/** "maas-events-lab-2026-11-23T11-07-30Z.csv": the connection and the moment, safe as a file name. */
export function exportFilename(connectionName: string, at: Date, f: ExportFormat): string {
  const who = connectionName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'maas';
  const when = at.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  return `maas-events-${who}-${when}.${f}`;
}
