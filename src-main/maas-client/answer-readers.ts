// What each large answer becomes: its body parsed, checked against its shape and turned into
// the console's types. These run in the answer worker (answer-worker.ts), never on the main
// thread: a valid 200 MB node list takes seconds to parse, and the window would freeze for
// all of them. Only the result (a normalised array, a page, two strings) travels back.
import type { ApiVersion, EventQuery } from '../../src-shared/maas/maas-types';
import { checkedJson, type AnswerMeta } from './answer-json';
import {
  anyObjectShape, bootResourceShape, describeShape, eventPageShape, listOf, machineShape, poolShape,
  powerParametersByNodeShape, scriptSetShape, scriptShape, tagShape, versionShape, zoneShape,
} from './answer-shapes';
import { BsonShapeError, detailsFields } from './bson-details';
import { acceptAllOutcome, bulkOutcome } from './bulk';
import { MaasMalformedAnswerError } from './errors';
import { toEventPage, toNodeSummary, toTag, toZone } from './normalise';

/** Everything a reader needs besides the body; it crosses to the worker as plain data. */
export interface ReadInput extends AnswerMeta {
  api: ApiVersion;
  /** The events query asked (its filters carry into the page's links). */
  asked?: EventQuery;
  /** The ids a bulk call was made for. */
  requested?: string[];
}

type Json = Record<string, unknown>;
const machines = listOf(machineShape);

function details(body: Buffer, c: ReadInput) {
  try {
    return detailsFields(body, ['lshw', 'lldp']);
  } catch (e) {
    if (!(e instanceof BsonShapeError)) throw e;
    throw new MaasMalformedAnswerError(`${c.where}: the answer is not a BSON details document, so it was not used: ${e.message}`, c.status);
  }
}

export const answerReaders = {
  nodes: (b: Buffer, c: ReadInput) => (checkedJson(c, b, machines) ?? []).map((n) => toNodeSummary(n, c.api)),
  events: (b: Buffer, c: ReadInput) => toEventPage((checkedJson(c, b, eventPageShape) ?? {}) as Json, c.asked ?? {}),
  details,
  tags: (b: Buffer, c: ReadInput) => (checkedJson(c, b, listOf(tagShape)) ?? []).map(toTag),
  zones: (b: Buffer, c: ReadInput) => (checkedJson(c, b, listOf(zoneShape)) ?? []).map(toZone),
  'power-parameters': (b: Buffer, c: ReadInput) => checkedJson(c, b, powerParametersByNodeShape) ?? {},
  /** accept / release: which of the requested nodes the server says changed (a 409 names the refused). */
  'bulk-outcome': (b: Buffer, c: ReadInput) => bulkOutcome(c.requested ?? [], { ...c, body: b }),
  'accept-all-outcome': (b: Buffer, c: ReadInput) => acceptAllOutcome({ ...c, body: b }),
  /** describe/ as the server sends it (the client passes it on). */
  'api-description': (b: Buffer, c: ReadInput) => checkedJson(c, b, anyObjectShape),
  /** describe/ as the machine-action forms read it (the ops each handler has). */
  'machine-handlers': (b: Buffer, c: ReadInput) => checkedJson(c, b, describeShape),
  /** API 1.0's describe/ read for discovery: an object with no version fields passes. */
  version: (b: Buffer, c: ReadInput) => checkedJson(c, b, versionShape),
  'boot-resources': (b: Buffer, c: ReadInput) => checkedJson(c, b, listOf(bootResourceShape)),
  scripts: (b: Buffer, c: ReadInput) => checkedJson(c, b, listOf(scriptShape)),
  pools: (b: Buffer, c: ReadInput) => checkedJson(c, b, listOf(poolShape)),
  /** A node's runs of one kind (commissioning, testing), without output. */
  'script-sets': (b: Buffer, c: ReadInput) => checkedJson(c, b, listOf(scriptSetShape)) ?? [],
  /** One run with a script's output (up to MAAS's 1 MiB per stream, base64). */
  'script-set': (b: Buffer, c: ReadInput) => {
    const set = checkedJson(c, b, scriptSetShape);
    if (set === null) throw new MaasMalformedAnswerError(`${c.where}: the server answered with nothing where ${c.what} was expected`, 204);
    return set;
  },
};

export type ReaderName = keyof typeof answerReaders;
export type ReadOutput<R extends ReaderName> = ReturnType<(typeof answerReaders)[R]>;
