// One XML-over-HTTP exchange for the SOAP/XML drivers (UCS Manager, vSphere, AMT's
// WS-Management): POST a document, stop with the call's signal, map "no answer" to
// unreachable/timeout, read at most a bounded body, and parse it with saxes (xml-elements.ts:
// no DTD, no entity expansion). Values put into documents go through `xmlEscape`.
import type { IncomingHttpHeaders } from 'node:http';
import { request } from 'undici';
import type { DriverContext } from '../driver';
import { PowerError } from '../types';
import { insecure } from './http';
import { xmlElements, type XmlElement } from './xml-elements';

/** Text or attribute content: every markup character as a character reference. */
export const xmlEscape = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface XmlReply {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body's elements in document order (parsed on first use: an error page may be HTML); empty for an empty body. */
  elements(): XmlElement[];
}

const defaultMaxBytes = 8 << 20;

export async function postXml(
  ctx: DriverContext,
  what: string,
  url: URL,
  body: string,
  opts: { headers?: Record<string, string>; maxBytes?: number } = {},
): Promise<XmlReply> {
  let res;
  try {
    res = await request(url, {
      method: 'POST', body, signal: ctx.signal, headersTimeout: ctx.timeoutMs, bodyTimeout: ctx.timeoutMs,
      dispatcher: url.protocol === 'https:' ? insecure : undefined,
      headers: { 'content-type': 'text/xml; charset=utf-8', ...opts.headers },
    });
  } catch (e) {
    throw noAnswer(ctx, what, url, e);
  }
  const max = opts.maxBytes ?? defaultMaxBytes;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of res.body) {
      size += (chunk as Buffer).length;
      if (size > max) {
        res.body.destroy();
        throw new PowerError('protocol', `${what} answered more than ${max >> 20} MiB: not read`);
      }
      chunks.push(chunk as Buffer);
    }
  } catch (e) {
    if (e instanceof PowerError) throw e;
    throw noAnswer(ctx, what, url, e);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  let parsed: XmlElement[] | undefined;
  return { status: res.statusCode, headers: res.headers, elements: () => (parsed ??= text.trim() ? xmlElements(text, what) : []) };
}

function noAnswer(ctx: DriverContext, what: string, url: URL, e: unknown): PowerError {
  if (ctx.signal.aborted && ctx.signal.reason instanceof PowerError) return ctx.signal.reason;
  const code = (e as { code?: string }).code ?? '';
  if (/TIMEOUT/.test(code)) return new PowerError('timeout', `${what} did not answer in time`, code);
  return new PowerError('unreachable', `no answer from ${what} at ${url.host}`, code || (e as Error).message);
}

/** The text of the first element named `name` (local name), trimmed. */
export const textOf = (els: XmlElement[], name: string): string | undefined => els.find((e) => e.name === name)?.text.trim();
