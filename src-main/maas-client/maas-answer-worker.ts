// The answer worker thread: gathers a large answer's body as its chunks arrive, then parses,
// checks and normalises it (answer-readers.ts) off the main thread. What goes back is the
// reader's result or the failure's message, to be thrown again as the same class.
import { parentPort } from 'node:worker_threads';
import { answerReaders } from './answer-readers';
import { MaasMalformedAnswerError } from './errors';
import { RESULT_SLICE, type FromAnswerWorker, type ToAnswerWorker } from './answer-protocol';

const port = parentPort;
if (port === null) throw new Error('maas-answer-worker must run in a worker thread');

const bodies = new Map<number, Uint8Array[]>();

function read(m: Extract<ToAnswerWorker, { kind: 'read' }>): FromAnswerWorker {
  const chunks = m.body ? [m.body] : bodies.get(m.job);
  bodies.delete(m.job);
  // Never read a body that did not arrive as an empty one: an empty node list means "no nodes".
  if (!chunks) return { job: m.job, failure: { kind: 'failed', message: 'its body never reached the answer reader' } };
  try {
    const body = chunks.length === 1 ? Buffer.from(chunks[0].buffer, chunks[0].byteOffset, chunks[0].byteLength) : Buffer.concat(chunks);
    chunks.length = 0;
    return { job: m.job, value: answerReaders[m.reader](body, m.input) };
  } catch (e) {
    // A stack overflow or a bug is reported, not allowed to end the thread.
    const kind = e instanceof MaasMalformedAnswerError ? 'malformed' : 'failed';
    return { job: m.job, failure: { kind, message: e instanceof Error ? e.message : String(e) } };
  }
}

/** A long list goes back in slices, so the main thread takes it in a few thousand entries at a time. */
function reply(r: FromAnswerWorker): void {
  if ('value' in r && Array.isArray(r.value) && r.value.length > RESULT_SLICE) {
    for (let at = 0; at < r.value.length; at += RESULT_SLICE) port!.postMessage({ job: r.job, part: r.value.slice(at, at + RESULT_SLICE) });
    port!.postMessage({ job: r.job, value: [] });
  } else port!.postMessage(r);
}

port.on('message', (m: ToAnswerWorker) => {
  if (m.kind === 'open') bodies.set(m.job, []);
  else if (m.kind === 'chunk') bodies.get(m.job)?.push(m.bytes);
  else if (m.kind === 'discard') bodies.delete(m.job);
  else reply(read(m));
});
