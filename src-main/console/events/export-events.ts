// events.export: the whole history for the filter — server-side half sent to MAAS page by
// page, local half applied here — formatted as CSV or NDJSON, up to EXPORT_CAP events.
import { EXPORT_CAP, type EventExport, type EventFilter, type LoggedEvent } from '../../../src-shared/contract/events';
import { isBeforeRange, matcherOf } from '../../../src-shared/events/event-filter';
import { exportFilename, mediaTypeOf, toCsv, toNdjson, type ExportFormat } from '../../../src-shared/events/event-export';
import type { EventsDeps } from './deps';
import { historyPages } from './read-history';

export interface ExportRequest { connectionId: string; filter: EventFilter; format: ExportFormat }

export const exportEvents = (d: Pick<EventsDeps, 'clientFor' | 'connectionOf' | 'now'>, cap = EXPORT_CAP) =>
  async (r: ExportRequest): Promise<EventExport> => {
    const { name } = d.connectionOf(r.connectionId);
    const client = await d.clientFor(r.connectionId);
    const matches = matcherOf(r.filter);
    const picked: LoggedEvent[] = [];
    let truncated = false;
    scan: for await (const page of historyPages(client, r.filter, null)) {
      for (const e of page.events) {
        if (isBeforeRange(e, r.filter)) break scan;
        if (!matches(e)) continue;
        if (picked.length === cap) { truncated = true; break scan; }
        picked.push(e);
      }
    }
    return {
      filename: exportFilename(name, d.now?.() ?? new Date(), r.format),
      mediaType: mediaTypeOf(r.format),
      content: r.format === 'csv' ? toCsv(picked) : toNdjson(picked),
      count: picked.length,
      truncated,
    };
  };
