// How much of each kind of answer the client reads, and for how long, so a hostile or broken
// server cannot exhaust memory or hold a call open. The figures come from what real MAAS
// sends: a MAAS 3.x machine is 5–18 kB of JSON (interfaces, block devices, pool, zone), so
// 10,000 of them are ~180 MB; a node's lshw is ~20–150 kB and rarely above 1 MB; an events
// page is at most 1,000 events of a few hundred bytes; a script's output, stdout, stderr and
// result are kept by MAAS up to 1 MiB each and sent base64 (4/3 larger); an error is a line of text.
export type AnswerKind = 'node list' | 'node' | 'details' | 'events' | 'list' | 'script output' | 'describe' | 'small';

const KiB = 1024;
const MiB = 1024 * KiB;

export interface AnswerLimit {
  /** The most that is read; an answer past it is refused, not read further. */
  bytes: number;
  /** The whole call, every retry and every wait included. */
  deadlineMs: number;
  /** How a message names what was asked for. */
  what: string;
}

export const ANSWER_LIMITS: Record<AnswerKind, AnswerLimit> = {
  'node list': { bytes: 256 * MiB, deadlineMs: 300_000, what: 'the node list' },
  node: { bytes: 4 * MiB, deadlineMs: 120_000, what: 'a node' },
  details: { bytes: 8 * MiB, deadlineMs: 120_000, what: "a node's details (lshw, lldp)" },
  events: { bytes: 16 * MiB, deadlineMs: 120_000, what: 'a page of events' },
  list: { bytes: 32 * MiB, deadlineMs: 120_000, what: 'a list' },
  'script output': { bytes: 8 * MiB, deadlineMs: 120_000, what: "a script's output" },
  describe: { bytes: 16 * MiB, deadlineMs: 120_000, what: 'the API description' },
  small: { bytes: 1 * MiB, deadlineMs: 60_000, what: 'a short answer' },
};

/**
 * Error answers are read only this far: a message shows 400 characters of them, and a bulk
 * call's 409 names at most a chunk of nodes (~30 bytes each). The rest is not read.
 */
export const ERROR_BODY_BYTES = 256 * KiB;

/** JSON nested deeper than this is refused before it is parsed. MAAS's deepest answers
 * (a machine's interface → links → subnet → vlan → fabric) are about 8 levels. */
export const MAX_JSON_DEPTH = 64;

export interface LimitOverrides {
  /** Bytes per kind of answer (tests, or a site with a very large MAAS). */
  bytes?: Partial<Record<AnswerKind, number>>;
  /** One deadline for every call, instead of each kind's. */
  deadlineMs?: number;
}

export const limitOf = (kind: AnswerKind, o: LimitOverrides = {}): AnswerLimit => {
  const base = ANSWER_LIMITS[kind];
  return { what: base.what, bytes: o.bytes?.[kind] ?? base.bytes, deadlineMs: o.deadlineMs ?? base.deadlineMs };
};

/** 2254857830 → "2.1 GiB" (binary units, as the limits are set). */
export function sizeText(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) { v /= 1024; u++; }
  return u === 0 ? `${v} bytes` : `${v >= 100 ? Math.round(v) : Math.round(v * 10) / 10} ${units[u]}`;
}
