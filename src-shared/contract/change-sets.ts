// Offline change sets: actions on a remote connection taken while it is offline,
// recorded (never replayed blindly), reviewed against fresh data, then applied one by one.
import { z } from 'zod';
import { channel, event, returns } from './channel';
import { PowerParameters, PowerType } from './inventory';
import type { MaasEvent, NodeSummary, TagInfo, ZoneInfo } from './maas-types';

const Id = z.string().min(1).max(100);
const Name = z.string().min(1).max(256);

export const ChangeSpec = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('accept'), systemId: Id }).strict(),
  /** Release, with the comment MAAS records (servers that take one). */
  z.object({ kind: z.literal('release'), systemId: Id, comment: z.string().min(1).max(1000).optional() }).strict(),
  /** Commission; on MAAS 2.x/3.x with the options chosen in its form (SSH, skips, scripts). */
  z.object({ kind: z.literal('commission'), systemId: Id, options: z.object({
    enableSsh: z.boolean().optional(), skipNetworking: z.boolean().optional(), skipStorage: z.boolean().optional(),
    commissioningScripts: z.array(Name).max(200).optional(), testingScripts: z.array(Name).max(200).optional(),
  }).strict().optional() }).strict(),
  z.object({ kind: z.literal('set-zone'), systemId: Id, zone: Name }).strict(),
  /** A resource pool (MAAS 2.5+ machines). */
  z.object({ kind: z.literal('set-pool'), systemId: Id, pool: Name }).strict(),
  z.object({ kind: z.enum(['add-tag', 'remove-tag']), systemId: Id, tag: Name }).strict(),
  z.object({ kind: z.literal('set-hostname'), systemId: Id, hostname: Name }).strict(),
  z.object({ kind: z.literal('create-tag'), tag: Name, definition: z.string().max(10_000).optional(), comment: z.string().max(10_000).optional(), kernelOpts: z.string().max(4096).optional() }).strict(),
  /** An existing tag `tag` edited: its name (may be the same), definition, comment and kernel options, as the Tags view saves them. */
  z.object({ kind: z.literal('update-tag'), tag: Name, name: Name, definition: z.string().max(10_000), comment: z.string().max(10_000), kernelOpts: z.string().max(4096) }).strict(),
  z.object({ kind: z.literal('delete-tag'), tag: Name }).strict(),
  /**
   * Power type and parameters. Secrets given in a change go to the OS keychain, never to the
   * settings database: a recorded change shows them as MASK. A MASK sent means "unchanged".
   */
  z.object({ kind: z.literal('set-power'), systemId: Id, powerType: PowerType, parameters: PowerParameters }).strict(),
]);
export type ChangeSpec = z.infer<typeof ChangeSpec>;

export type ChangeVerdict = 'applies' | 'already' | 'conflict';
export type ChangeState = 'recorded' | 'done' | 'failed' | 'skipped';

export interface RecordedChange {
  id: number;
  spec: ChangeSpec;
  /** The node as the console last knew it when the change was recorded. */
  hostname: string | null;
  statusAtRecord: number | null;
  recordedAt: string;
  state: ChangeState;
  message: string | null;
  /** The changes recorded by one action (a bulk action on 100 nodes) share it: one entry, expandable. */
  batch: string | null;
}

/** One change of an apply under way: sent, then its outcome (`changes.progress`). */
export interface ChangeProgress {
  connectionId: string;
  id: number;
  state: 'running' | ChangeState;
  message: string | null;
  /** Changes finished so far, of `total` (those the apply sends or skips). */
  done: number;
  total: number;
}

export interface ChangeReview { id: number; verdict: ChangeVerdict; why: string }

/** The last review against the server; `auto` when it ran by itself as the server came back. */
export interface ChangeSetReview { at: string; auto: boolean; items: ChangeReview[] }

export interface ChangeSetView { connectionId: string; changes: RecordedChange[]; review: ChangeSetReview | null }

/** Changes waiting (recorded, not yet applied) on one server: the header's badge. */
export interface PendingChanges { connectionId: string; name: string; waiting: number }

/** A change set changed (recorded, edited, reviewed, applied): which one, and every server's count. */
export interface ChangeSetsChanged { connectionId: string; pending: PendingChanges[] }

/** What the console last read from a remote server; each part with the time it was read. */
export interface RemoteSnapshot {
  connectionId: string;
  nodes: { takenAt: string; items: NodeSummary[] } | null;
  tags: { takenAt: string; items: TagInfo[] } | null;
  zones: { takenAt: string; items: ZoneInfo[] } | null;
  events: { takenAt: string; items: MaasEvent[] } | null;
}

export const changeSetChannels = {
  'snapshot.get': channel(z.object({ connectionId: Id }).strict(), returns<RemoteSnapshot>()),
  /** Reads nodes, tags, zones and the last 200 events from the server into the snapshot. */
  'snapshot.refresh': channel(z.object({ connectionId: Id }).strict(), returns<RemoteSnapshot>()),
  /** Servers with changes waiting, and how many. */
  'changes.pending': channel(z.object({}).strict(), returns<PendingChanges[]>()),
  'changes.list': channel(z.object({ connectionId: Id }).strict(), returns<ChangeSetView>()),
  'changes.record': channel(z.object({
    connectionId: Id, changes: z.array(ChangeSpec).min(1).max(10_000),
    /** The nodes as the console last saw them (hostname, status), so review can say what moved. */
    known: z.record(Id, z.object({ hostname: Name, status: z.number().int() }).strict()).optional(),
  }).strict(), returns<ChangeSetView>()),
  /** Edits a recorded (or failed) change in place: its kind and node stay, its values change. */
  'changes.update': channel(z.object({ connectionId: Id, id: z.number().int(), spec: ChangeSpec }).strict(), returns<ChangeSetView>()),
  'changes.remove': channel(z.object({ connectionId: Id, ids: z.array(z.number().int()).min(1).max(10_000) }).strict(), returns<ChangeSetView>()),
  /** Reviews the change set against the server now; the view carries it afterwards too. */
  'changes.review': channel(z.object({ connectionId: Id }).strict(), returns<ChangeReview[]>()),
  'changes.apply': channel(z.object({ connectionId: Id }).strict(), returns<ChangeSetView>()),
} as const;

export const changeSetEvents = {
  'changes.progress': event<ChangeProgress>(),
  'changes.changed': event<ChangeSetsChanged>(),
} as const;
