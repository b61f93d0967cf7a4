// CSV import: the preview checks every row against the file itself and This laptop (MACs and
// hostnames already captured); the import captures the valid rows one by one and reports the
// rows the region refused, so nothing already captured is lost when one row is bad.
import type { CapturedNode, CsvImportResult, CsvPreview } from '../../../src-shared/contract/fieldkit';
import { readCsvRows, type KnownNodes } from '../../../src-shared/fieldkit/csv-rows';
import type { Capture } from './capture';

function knownOf(nodes: CapturedNode[]): KnownNodes {
  const macOwner = new Map<string, string>();
  for (const n of nodes) for (const m of n.macs) macOwner.set(m, n.hostname);
  return { macOwner, hostnames: new Set(nodes.map((n) => n.hostname.toLowerCase())) };
}

export async function previewCsv(capture: Capture, text: string): Promise<CsvPreview> {
  return readCsvRows(text, knownOf(await capture.list())).preview;
}

export async function importCsv(capture: Capture, text: string): Promise<CsvImportResult> {
  const { rows, preview } = readCsvRows(text, knownOf(await capture.list()));
  const captured: CapturedNode[] = [];
  const failed: CsvImportResult['failed'] = [];
  const zones = rows.some((r) => r.preview.ok && r.request.zone) ? await capture.zoneNames() : undefined;
  for (const r of rows) {
    if (!r.preview.ok) continue;
    try {
      captured.push(await capture.capture(r.request, zones));
    } catch (e) {
      failed.push({ line: r.line, message: (e as Error).message });
    }
  }
  return { preview, captured, failed };
}
