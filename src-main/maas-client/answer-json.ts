// An answer's body as JSON checked against its shape: the one way the client reads JSON,
// on whichever thread does the reading (the transport for short answers, the answer worker
// for lists). Nesting past any MAAS answer is refused before the text is parsed.
import type { z } from 'zod';
import { MAX_JSON_DEPTH } from './answer-limits';
import { checked } from './answer-shapes';
import { TooDeepError, parseBoundedJson } from './bounded-json';
import { MaasMalformedAnswerError } from './errors';

/** What a reader knows of the answer besides its body. */
export interface AnswerMeta {
  /** The call as messages name it ("Lab (http://…): GET machines/"). */
  where: string;
  /** What was asked for, as messages name it ("the node list"). */
  what: string;
  status: number;
  contentType: string;
}

/** The body's JSON; null for an empty answer (204, or no bytes). */
export function parseJson<T>(where: string, a: { status: number; contentType: string; body: Buffer }): T {
  if (a.status === 204 || a.body.length === 0) return null as T;
  try {
    return parseBoundedJson(a.body.toString('utf8'), MAX_JSON_DEPTH) as T;
  } catch (e) {
    if (e instanceof TooDeepError) {
      throw new MaasMalformedAnswerError(`${where}: the server answered ${a.status} with JSON that was not read: ${e.message}`, a.status);
    }
    throw new MaasMalformedAnswerError(
      `${where}: the server answered ${a.status} with something that is not JSON (${a.contentType || 'no content type'}): ` +
      a.body.toString('utf8', 0, 120).replace(/\s+/g, ' '), a.status);
  }
}

/** The body's JSON checked against `shape`, or null for an empty answer. */
export function checkedJson<S extends z.ZodType>(meta: AnswerMeta, body: Buffer, shape: S): z.output<S> | null {
  const value = parseJson<unknown>(meta.where, { status: meta.status, contentType: meta.contentType, body });
  return value === null ? null : checked(meta.where, meta.status, meta.what, shape, value);
}
