// A real region on 127.0.0.1:0 in a temp dir, and a small MAAS client for tests:
// PLAINTEXT OAuth header, urlencoded or multipart bodies (undici), JSON or raw replies.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fetch, FormData } from 'undici';
import { onTestFinished } from 'vitest';
import { startRegion, type RegionOptions, type RunningRegion } from '../../../src-main/region/start-region';

export function tempDir(prefix = 'region-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export async function testRegion(opts: Partial<RegionOptions> = {}): Promise<RunningRegion> {
  const region = await startRegion({ dataDir: tempDir(), keyStorage: 'file', log: () => undefined, ...opts });
  onTestFinished(() => region.close());
  return region;
}

export function plaintextHeader(apiKey: string): string {
  const [consumer, token, secret] = apiKey.split(':');
  const q = (s: string) => encodeURIComponent(s);
  return `OAuth realm="", oauth_version="1.0", oauth_signature_method="PLAINTEXT", oauth_consumer_key="${q(consumer)}", ` +
    `oauth_token="${q(token)}", oauth_signature="${q(`&${secret}`)}", oauth_nonce="${randomBytes(8).toString('hex')}", ` +
    `oauth_timestamp="${Math.floor(Date.now() / 1000)}"`;
}

export interface Call {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  query?: Record<string, string | string[] | undefined>;
  form?: Record<string, string | string[] | undefined>;
  multipart?: Record<string, string | string[] | { file: Buffer | string; filename?: string }>;
  key?: string | null;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface Answer {
  status: number;
  type: string;
  text: string;
  bytes: Buffer;
  /** The error a client shows: a form's JSON errors as "field: message" lines, else the text. */
  problem: string;
  json<T = any>(): T; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** MAAS's invalid-form body {"field": ["message"]} as "field: message" lines. */
export function problemOf(type: string, text: string): string {
  if (!type.startsWith('application/json')) return text;
  const errors = JSON.parse(text) as Record<string, string[]>;
  return Object.entries(errors).map(([f, ms]) => `${f}: ${ms.join(' ')}`).join('\n');
}

function search(q: Record<string, string | string[] | undefined> = {}): URLSearchParams {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) for (const x of v === undefined ? [] : Array.isArray(v) ? v : [v]) s.append(k, x);
  return s;
}

export function client(region: RunningRegion, key: string | null = region.createApiKey()) {
  return async (path: string, c: Call = {}): Promise<Answer> => {
    const url = new URL(path, region.url);
    for (const [k, v] of search(c.query)) url.searchParams.append(k, v);
    const headers: Record<string, string> = { ...c.headers };
    const useKey = c.key === undefined ? key : c.key;
    if (useKey) headers.authorization = plaintextHeader(useKey);
    let body: string | Buffer | FormData | undefined = c.body;
    if (c.form) {
      body = search(c.form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else if (c.multipart) {
      const fd = new FormData();
      for (const [k, v] of Object.entries(c.multipart)) {
        for (const x of Array.isArray(v) ? v : [v]) {
          if (typeof x === 'string') fd.append(k, x);
          else fd.append(k, new Blob([x.file]), x.filename ?? k);
        }
      }
      body = fd;
    }
    const res = await fetch(url, { method: c.method ?? (body !== undefined ? 'POST' : 'GET'), headers, body });
    const bytes = Buffer.from(await res.arrayBuffer());
    const text = bytes.toString('utf8');
    const type = res.headers.get('content-type') ?? '';
    const problem = res.status === 400 ? problemOf(type, text) : text;
    return { status: res.status, type, text, bytes, problem, json: () => JSON.parse(text) };
  };
}

let macCounter = 0;
/** A fresh, valid MAC address. */
export const nextMac = (): string => {
  const n = ++macCounter + Math.floor(Math.random() * 0xfffff) * 0x100;
  return ['52', '54', ...[16, 8, 0].map((s) => ((n >> s) & 0xff).toString(16).padStart(2, '0')), 'aa'].join(':');
};

/** Enlists `n` nodes (as admin: they start Commissioning; anonymous: New). */
export async function enlist(call: ReturnType<typeof client>, n: number, opts: { anonymous?: boolean } = {}): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = await call('nodes/', { query: { op: 'new' }, multipart: { architecture: 'amd64/generic', mac_addresses: nextMac() },
      key: opts.anonymous ? null : undefined });
    if (r.status !== 200) throw new Error(`enlist failed: ${r.status} ${r.text}`);
    ids.push(r.json().system_id);
  }
  return ids;
}
