// MAAS parameters: GET passes them in the query string, POST and PUT as multipart/form-data
// with one part per value (shared/spec/maas-1.8-api.md, "HTTP methods and parameter-passing").
// A list repeats its name (`machines=a&machines=b`), as MAAS reads `getlist()`.
// Multipart is built with undici's FormData: Node 20's global one is sent as text/plain
// (shared/reference/toolchain.md §7).
import { FormData, Response } from 'undici';

export type ParamValue = string | number | boolean | null | undefined | readonly (string | number)[];
export type Params = Record<string, ParamValue>;
/** A file part (e.g. lshw XML for the region's `op=set_details`). */
export interface FilePart { filename: string; data: Uint8Array; type?: string }
export type FormParams = Record<string, ParamValue | FilePart>;

const isFile = (v: unknown): v is FilePart =>
  typeof v === 'object' && v !== null && 'filename' in v && 'data' in v;

function* pairs(params: Params): Generator<[string, string]> {
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const v of value) yield [name, String(v)];
    else yield [name, String(value)];
  }
}

/** `op` first, as MAAS's own CLI writes it; the rest in the order given. */
export function queryString(op: string | undefined, params: Params = {}): string {
  const q = new URLSearchParams();
  if (op) q.append('op', op);
  for (const [k, v] of pairs(params)) q.append(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

export interface EncodedBody { body: Buffer; contentType: string }

export async function multipartBody(params: FormParams): Promise<EncodedBody> {
  const fd = new FormData();
  for (const [name, value] of Object.entries(params)) {
    if (isFile(value)) {
      fd.append(name, new Blob([new Uint8Array(value.data)], { type: value.type ?? 'application/octet-stream' }), value.filename);
    } else {
      for (const [k, v] of pairs({ [name]: value })) fd.append(k, v);
    }
  }
  // Serialise once so a retry sends the very same bytes.
  const r = new Response(fd);
  return { body: Buffer.from(await r.arrayBuffer()), contentType: r.headers.get('content-type') ?? 'multipart/form-data' };
}
