// Events: MAAS node events for a connection, with the filters MAAS's `events op=query`
// supports sent to the server (level, hostname, id, zone) and the rest (type, time range,
// free text) applied by the console. A follow is a live tail: main polls `after=<newest id>`
// and pushes what arrives as `events.arrived`.
import { z } from 'zod';
import { channel, event, returns } from './channel';
import type { MaasEvent } from './maas-types';
import type { PackedEvents } from '../events/event-wire';
import { LEVEL_NAMES } from '../events/levels';

/** A MAAS event as the console shows it: the server's fields plus `at`, its time in epoch ms. */
export interface LoggedEvent extends MaasEvent {
  /** Parsed from `created` (UTC); null when the server wrote something unreadable. */
  at: number | null;
}

const ConnectionId = z.string().min(1).max(100);
const Name = z.string().trim().min(1).max(256);
/** Epoch milliseconds, within years 1970–2200. */
const Time = z.number().int().min(0).max(7_258_118_400_000);

export const EventFilterSchema = z.object({
  /** Minimum level, as MAAS's `level=` (AUDIT is matched exactly). Server-side. */
  minLevel: z.enum(LEVEL_NAMES).default('INFO'),
  /** Node hostnames (`hostname=`, repeated). Server-side. */
  hostnames: z.array(Name).max(200).default([]),
  /** Node system ids (`id=`, repeated). Server-side. */
  systemIds: z.array(Name).max(200).default([]),
  /** Physical zone (`zone=`). Server-side. */
  zone: Name.nullable().default(null),
  /** Event types as MAAS names them ("Node changed status"). Local. */
  types: z.array(Name).max(50).default([]),
  /** Time range, inclusive, epoch ms. Local. */
  from: Time.nullable().default(null),
  to: Time.nullable().default(null),
  /** Case-insensitive text in description, type, node or level. Local. */
  text: z.string().max(500).default(''),
}).strict();
export type EventFilter = z.output<typeof EventFilterSchema>;
export type EventFilterInput = z.input<typeof EventFilterSchema>;

/** A contiguous run of the server's history (newest first) and where the next older run starts. */
export interface EventSlice {
  /** Every event the server sent for the server-side filters, newest first, contiguous. */
  events: LoggedEvent[];
  /** The events when asked for packed (then `events` is empty). */
  packed?: PackedEvents;
  /** How many of them pass the local filters too. */
  matched: number;
  /** Pass as `before` to read the next older run; null when the history is exhausted for this filter. */
  older: number | null;
  /** Set when the server was out of reach and this is its snapshot: when that was read. */
  offlineAsOf?: string | null;
}

export interface EventExport {
  filename: string;
  mediaType: string;
  content: string;
  count: number;
  /** True when the export stopped at its cap before the end of the history. */
  truncated: boolean;
}

export interface EventArrival {
  followId: string;
  /** New events (server-side filters applied), newest first. */
  events: LoggedEvent[];
  /** Set while the server cannot be polled; cleared (null) by the next good poll. */
  error: string | null;
}

export const EXPORT_CAP = 200_000;
/** How long a follow lives without `events.renew`; renderers renew at a third of it. */
export const FOLLOW_LEASE_MS = 60_000;

export const eventsChannels = {
  /**
   * Reads history newest first from `before` (or the newest event). Reads whole server pages
   * until `want` events pass the local filters, `limit` events were read, or the history ends.
   */
  'events.query': channel(z.object({
    connectionId: ConnectionId,
    filter: EventFilterSchema,
    before: z.number().int().min(1).nullable().default(null),
    limit: z.number().int().min(1).max(20_000).default(5000),
    want: z.number().int().min(1).max(20_000).default(200),
    /** Read the next older run ahead, while this one is shown (used by "Load whole history"). */
    readAhead: z.boolean().optional(),
    /** Answer with the events packed (`packed`, `events` empty): for big runs (event-wire.ts). */
    packed: z.boolean().optional(),
  }).strict(), returns<EventSlice>()),
  /** Starts a live tail of events newer than `after`; arrivals come as `events.arrived`. */
  'events.follow': channel(z.object({
    connectionId: ConnectionId,
    filter: EventFilterSchema,
    after: z.number().int().min(0),
  }).strict(), returns<{ followId: string }>()),
  'events.unfollow': channel(z.object({ followId: z.string().min(1).max(100) }).strict(), returns<{ stopped: boolean }>()),
  /**
   * Keeps a follow alive: a follow not renewed within FOLLOW_LEASE_MS stops by itself (a closed
   * tab or a crashed window cannot leave a poll running). Answers whether it was still running.
   */
  'events.renew': channel(z.object({ followId: z.string().min(1).max(100) }).strict(), returns<{ renewed: boolean }>()),
  /** The whole filtered history (up to EXPORT_CAP events) as CSV or newline-delimited JSON. */
  'events.export': channel(z.object({
    connectionId: ConnectionId,
    filter: EventFilterSchema,
    format: z.enum(['csv', 'ndjson']),
  }).strict(), returns<EventExport>()),
  /** Zone names of the connection, for the zone filter. */
  'events.zones': channel(z.object({ connectionId: ConnectionId }).strict(), returns<string[]>()),
} as const;

export const eventsEvents = {
  'events.arrived': event<EventArrival>(),
} as const;
