// What a handler receives and returns. Handlers throw RegionError for failures
// (./errors.ts); the server turns it into MAAS's status and a plain-text body.
import type { Params } from './params';
import type { TokenRow, User } from '../stores/users-store';

export interface Ctx {
  method: string;
  op: string | undefined;
  /** GET/DELETE: the query; POST/PUT: the body (MAAS read POST parameters from the body). */
  params: Params;
  query: Params;
  /** POST/PUT: the body's bytes when it was not multipart (an octet-stream upload, a form). */
  body?: Buffer;
  /** null: an anonymous request (allowed only where MAAS allowed it). */
  user: User | null;
  token: TokenRow | null;
  /** Path captures in template order, e.g. [system_id] for nodes/{system_id}/. */
  args: string[];
  /** scheme://host of the request, for absolute URIs (events next_uri…). */
  origin: string;
  url: URL;
}

export type Reply =
  | { status?: number; json: unknown }
  | { status?: number; body: Buffer | string; contentType: string }
  | { status: 204 };

export type Handler = (ctx: Ctx) => Reply | Promise<Reply>;

/** Dispatch table of one resource: "GET", "PUT", "DELETE", "POST" or "METHOD op". */
export type OpTable = Record<string, Handler>;

/** What each op of an OpTable does, keyed alike: describe/ serves it as the action's doc. */
export type OpDocs = Readonly<Record<string, string>>;

export interface Resource {
  /** Piston handler name, shown by describe/ (maascli builds its commands from it). */
  name: string;
  doc: string;
  /** Path under the API prefix, captures in braces: "nodes/{system_id}/". */
  path: string;
  ops: OpTable;
  /** A doc for every key of `ops` (describe-docs.test.ts checks none is missing or extra). */
  docs: OpDocs;
  /** Keys of `ops` that MAAS served to anonymous clients too. */
  anonymous?: readonly string[];
  /** Keys of `ops` that need no authentication and ignore credentials (version/). */
  public?: readonly string[];
  /** Served but left out of describe/, as MAAS's `hidden` handlers (backward-compatible paths). */
  hidden?: boolean;
}

export const json = (value: unknown, status = 200): Reply => ({ status, json: value });
export const text = (body: string, status = 200): Reply => ({ status, body, contentType: 'text/plain; charset=utf-8' });
export const noContent = (): Reply => ({ status: 204 });
