// CSV of the current view and of bulk results. papaparse does the quoting (RFC 4180), and
// formula escaping is on: a hostname or a server's reason starting with = + - @ must not run
// as a formula when a technician opens the file in a spreadsheet.
import Papa from 'papaparse';
import { columnById, type ColumnId } from './columns';
import type { NodeSummary } from '../contract/maas-types';

export function toCsv(rows: readonly (readonly string[])[]): string {
  return Papa.unparse(rows as string[][], { escapeFormulae: true, newline: '\r\n' });
}

/** The nodes as shown: the visible columns, in their order, with the grid's own text. */
export function nodesCsv(nodes: readonly NodeSummary[], columnIds: readonly ColumnId[]): string {
  const cols = columnIds.map((id) => columnById.get(id)).filter((c) => c !== undefined);
  return toCsv([cols.map((c) => c.label), ...nodes.map((n) => cols.map((c) => c.text(n)))]);
}
