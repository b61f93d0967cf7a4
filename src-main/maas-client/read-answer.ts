// Reads an answer's body as it streams, never more than a set number of bytes: a server
// that sends a 2 GB node list or never stops sending costs at most the limit, and its
// connection is closed rather than drained. A declared Content-Length past the limit is
// refused before a byte of the body is read.
import type { Dispatcher } from 'undici';
import { MaasAnswerTooLargeError } from './errors';
import { sizeText, type AnswerLimit } from './answer-limits';

export interface ReadBody {
  bytes: Buffer;
  /** More was sent (or declared) than was read. */
  over: boolean;
  /** Bytes received, counting the chunk that went past the limit. */
  received: number;
  declared: number | null;
}

function declaredLength(headers: Dispatcher.ResponseData['headers']): number | null {
  const v = headers['content-length'];
  const n = Number(Array.isArray(v) ? v[0] : v);
  return v !== undefined && Number.isSafeInteger(n) && n >= 0 ? n : null;
}

/** Where a body's chunks go instead of being kept (the answer thread, answer-thread.ts). */
export interface BodySink { push(chunk: Buffer): void }

/**
 * The body, up to `limit` bytes. Past it: with `keepStart` the first `limit` bytes are kept
 * (an error's text), else nothing is (an answer that will be refused); either way reading stops.
 * With a `sink`, each chunk is handed to it as it arrives and nothing is kept here.
 */
export async function readLimited(r: Dispatcher.ResponseData, limit: number, keepStart: boolean, sink?: BodySink): Promise<ReadBody> {
  const declared = declaredLength(r.headers);
  if (declared !== null && declared > limit && !keepStart) {
    r.body.destroy();
    return { bytes: Buffer.alloc(0), over: true, received: 0, declared };
  }
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of r.body) {
    const b = chunk as Buffer;
    if (received + b.length > limit) {
      if (keepStart) chunks.push(b.subarray(0, limit - received));
      received += b.length;
      r.body.destroy();
      return { bytes: keepStart ? Buffer.concat(chunks) : Buffer.alloc(0), over: true, received, declared };
    }
    if (sink) sink.push(b);
    else chunks.push(b);
    received += b.length;
  }
  return { bytes: Buffer.concat(chunks, received), over: false, received, declared };
}

/** "…: the server answered 2.1 GB for the node list; refused past 256 MB (not read)". */
export function tooLarge(where: string, status: number, limit: AnswerLimit, body: ReadBody): MaasAnswerTooLargeError {
  const sent = body.declared !== null && body.declared > limit.bytes
    ? `answered ${sizeText(body.declared)} for ${limit.what}`
    : `answered more than ${sizeText(limit.bytes)} for ${limit.what}`;
  const read = body.received ? `stopped reading after ${sizeText(body.received)}` : 'nothing of it was read';
  return new MaasAnswerTooLargeError(`${where}: the server ${sent}; refused past ${sizeText(limit.bytes)} (${read})`,
    status, limit.bytes, body.declared, body.received);
}
