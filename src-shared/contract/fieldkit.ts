// The field kit: capture on the floor into This laptop, CSV and lshw-folder
// import, then a dry-run diff and a resumable push to a target MAAS, with a journal.
import { z } from 'zod';
import { channel, event, returns } from './channel';

const Id = z.string().min(1).max(100);
const Text = (max: number) => z.string().max(max);
const PowerParams = z.record(z.string().min(1).max(64), z.string().max(4096))
  .refine((r) => Object.keys(r).length <= 32, 'at most 32 power parameters');

export const CaptureRequest = z.object({
  hostname: z.string().min(1).max(255),
  /** MACs in any common form; normalised in main. */
  macs: z.array(Text(64)).min(1).max(32),
  zone: Text(256).optional(),
  architecture: Text(64).optional(),
  powerType: Text(64).optional(),
  /** Power parameters; the BMC password goes to the region's protected store, never a log. */
  powerParams: PowerParams.optional(),
  notes: Text(10_000).optional(),
}).strict();
export type CaptureRequest = z.infer<typeof CaptureRequest>;

export interface CapturedNode {
  systemId: string;
  hostname: string;
  macs: string[];
  zone: string | null;
  powerType: string;
  architecture: string;
  statusName: string;
  tags: string[];
  notes: string;
  hasDetails: boolean;
}

export interface MacOwner { mac: string; systemId: string; hostname: string }

export interface CsvRowPreview {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  hostname: string;
  macs: string[];
  zone: string;
  powerType: string;
  /** Names of the power parameters given (never their values). */
  powerParamNames: string[];
  ok: boolean;
  problems: string[];
}

export interface CsvPreview {
  rows: CsvRowPreview[];
  valid: number;
  wrong: number;
  /** A problem with the whole file (no header, no MAC column…), or null. */
  fileProblem: string | null;
}

export interface CsvImportResult { preview: CsvPreview; captured: CapturedNode[]; failed: { line: number; message: string }[] }

const LshwFile = z.object({ name: z.string().min(1).max(255), text: z.string().max(8 * 1024 * 1024) }).strict();

export interface LshwImportResult {
  /** `new`: the file matched no captured node and was captured as one (hostname and MACs from the lshw). */
  attached: { file: string; hostname: string; systemId: string; by: 'mac' | 'hostname' | 'file-name-mac' | 'new' }[];
  /** `canCapture`: readable lshw with MACs no captured node has; it can be captured as a new node. */
  unmatched: { file: string; reason: string; canCapture?: true }[];
}

export type PushVerdict = 'create' | 'identical' | 'update' | 'conflict';
/**
 * One field a push would change on a node the target already has: hostname, zone, power_type,
 * tags, or (with `power`) one power parameter by its MAAS name, e.g. power_address. A secret
 * parameter (`secret`) is compared but its value never travels: from is '' and to 'changed'.
 */
export interface FieldChange { field: string; from: string; to: string; power?: true; secret?: true }

export interface PushItemPlan {
  sourceId: string;
  hostname: string;
  macs: string[];
  verdict: PushVerdict;
  /** The node on the target it matched (by MAC), if any. */
  targetId: string | null;
  fields: FieldChange[];
  reason: string | null;
}

export type PushItemState = 'pending' | 'created' | 'done' | 'failed' | 'conflict';
export interface PushItemOutcome extends PushItemPlan { state: PushItemState; message: string | null }

export type PushState = 'planned' | 'running' | 'interrupted' | 'finished';
export interface PushCounts { create: number; identical: number; update: number; conflict: number; done: number; failed: number; pending: number }

export interface PushReport {
  pushId: string;
  targetId: string;
  targetName: string;
  state: PushState;
  createdAt: string;
  finishedAt: string | null;
  zonesToCreate: string[];
  tagsToCreate: string[];
  /** Why the push stopped, when it was cut off. */
  stopReason: string | null;
  items: PushItemOutcome[];
  counts: PushCounts;
}

export interface PushProgress { pushId: string; done: number; total: number; item: PushItemOutcome | null; state: PushState }

export const fieldkitChannels = {
  'fieldkit.captured': channel(z.object({}).strict(), returns<CapturedNode[]>()),
  'fieldkit.capture': channel(CaptureRequest, returns<CapturedNode>()),
  'fieldkit.macOwner': channel(z.object({ mac: Text(64) }).strict(), returns<MacOwner | null>()),
  'fieldkit.csvPreview': channel(z.object({ text: z.string().max(16 * 1024 * 1024) }).strict(), returns<CsvPreview>()),
  'fieldkit.csvImport': channel(z.object({ text: z.string().max(16 * 1024 * 1024) }).strict(), returns<CsvImportResult>()),
  /** `captureNew`: files that match no captured node become new captured nodes (power filled in later). */
  'fieldkit.lshwImport': channel(z.object({ files: z.array(LshwFile).min(1).max(2000), captureNew: z.boolean().optional() }).strict(), returns<LshwImportResult>()),
  'fieldkit.pushPlan': channel(z.object({ targetId: Id, systemIds: z.array(Id).max(100_000).optional() }).strict(), returns<PushReport>()),
  'fieldkit.pushApply': channel(z.object({ pushId: Id }).strict(), returns<PushReport>()),
  'fieldkit.pushes': channel(z.object({}).strict(), returns<PushReport[]>()),
  'fieldkit.pushReport': channel(z.object({ pushId: Id, format: z.enum(['csv', 'json']) }).strict(), returns<{ name: string; text: string }>()),
} as const;

export const fieldkitEvents = {
  'fieldkit.changed': event<CapturedNode[]>(),
  'fieldkit.pushProgress': event<PushProgress>(),
} as const;
