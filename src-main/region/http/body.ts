// Reads a POST/PUT body into Params: multipart/form-data (what MAAS clients send, parsed by
// busboy) or application/x-www-form-urlencoded, with a size limit over the whole body.
import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { RegionError, badRequest } from './errors';
import { Params } from './params';

export interface BodyLimits {
  maxBytes: number;
  maxParts: number;
}

const tooLarge = (max: number) =>
  new RegionError('too-large', `Request body too large: the limit is ${max} bytes.`);

export async function readBody(req: IncomingMessage, limits: BodyLimits): Promise<{ params: Params; raw: Buffer | null }> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limits.maxBytes) throw tooLarge(limits.maxBytes);
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) return { params: await readMultipart(req, limits), raw: null };
  const raw = await readAll(req, limits.maxBytes);
  if (raw.length === 0) return { params: new Params(), raw };
  if (type === '' || type.startsWith('application/x-www-form-urlencoded')) {
    return { params: Params.fromSearch(new URLSearchParams(raw.toString('utf8'))), raw };
  }
  // Bytes with no parameters: the chunked boot resource upload (boot-resources/{id}/upload/…).
  if (type.startsWith('application/octet-stream')) return { params: new Params(), raw };
  throw new RegionError('unsupported-media',
    `Unsupported content type "${type.split(';')[0]}": send multipart/form-data, application/x-www-form-urlencoded or (uploads) application/octet-stream.`);
}

async function readAll(req: IncomingMessage, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req as AsyncIterable<Buffer>) {
    size += c.length;
    if (size > max) throw tooLarge(max);
    chunks.push(c);
  }
  return Buffer.concat(chunks);
}

function readMultipart(req: IncomingMessage, limits: BodyLimits): Promise<Params> {
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: { fieldSize: limits.maxBytes, fileSize: limits.maxBytes, parts: limits.maxParts, fields: limits.maxParts, files: limits.maxParts },
      });
    } catch (e) {
      reject(badRequest(`Malformed multipart body: ${(e as Error).message}.`));
      return;
    }
    const params = new Params();
    let size = 0;
    let failed = false;
    const fail = (e: RegionError) => {
      if (failed) return;
      failed = true;
      req.unpipe(bb);
      req.resume();
      reject(e);
    };
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limits.maxBytes) fail(tooLarge(limits.maxBytes));
    });
    bb.on('field', (name, value, info) => {
      if (info.valueTruncated || info.nameTruncated) fail(tooLarge(limits.maxBytes));
      else params.addText(name, value);
    });
    bb.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('limit', () => fail(tooLarge(limits.maxBytes)));
      stream.on('end', () => {
        const bytes = Buffer.concat(chunks);
        params.add(name, { text: bytes.toString('utf8'), bytes, filename: info.filename ?? '' });
      });
    });
    bb.on('partsLimit', () => fail(badRequest(`Too many parts: at most ${limits.maxParts}.`)));
    bb.on('filesLimit', () => fail(badRequest(`Too many files: at most ${limits.maxParts}.`)));
    bb.on('fieldsLimit', () => fail(badRequest(`Too many fields: at most ${limits.maxParts}.`)));
    bb.on('error', (e: Error) => fail(badRequest(`Malformed multipart body: ${e.message}.`)));
    bb.on('close', () => {
      if (!failed) resolve(params);
    });
    req.on('error', (e) => fail(badRequest(`Request body could not be read: ${e.message}.`)));
    req.on('aborted', () => fail(badRequest('The request body was cut off.')));
    req.pipe(bb);
  });
}
