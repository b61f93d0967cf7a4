// One HTTP path to one MAAS server: OAuth 1.0a PLAINTEXT signing, an undici Agent of its own
// (keep-alive, its own TLS trust), timeouts, and retries with back-off on network errors and
// on 503 honouring Retry-After (as gomaasapi's client.go does for 503).
import { Agent, request } from 'undici';
import OAuth from 'oauth-1.0a';
import type { ApiCredentials } from './api-key';
import { MaasMalformedAnswerError, describeNetworkError, httpFailure, networkFailure } from './errors';
import { multipartBody, queryString, type FormParams, type Params } from './form';
import { agentTlsOptions, type TlsTrust } from './tls-trust';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface CallSpec {
  method: Method;
  /** Relative to the API root, e.g. `machines/` or `nodes/abc/`. */
  path: string;
  op?: string;
  query?: Params;
  form?: FormParams;
  /** HTTP statuses the caller handles itself (e.g. 409 of a bulk release). */
  accept?: number[];
}

export interface Answer {
  status: number;
  contentType: string;
  body: Buffer;
}

export interface TransportOptions {
  /** The API root, e.g. http://host:5240/MAAS/api/2.0/ (trailing slash). */
  apiRoot: string;
  /** Null for anonymous calls (version discovery). */
  credentials: ApiCredentials | null;
  /** How the server is named in errors: the connection's name, or its URL. */
  label: string;
  timeoutMs?: number;
  /** Extra attempts after the first. */
  retries?: number;
  /** The longest Retry-After we wait for; beyond it the 503 is reported. */
  maxRetryAfterMs?: number;
  tls?: TlsTrust;
  /** Injected in tests so back-off does not slow them. */
  sleep?: (ms: number) => Promise<void>;
  /** Told of every outcome, so a connection's health and "last reached" follow real use. */
  onOutcome?: (o: CallOutcome) => void;
}

export type CallOutcome = { answered: number } | { failed: 'tls' | 'unreachable'; message: string };

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Retry-After is seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(header: string | string[] | undefined, now = Date.now()): number | null {
  const v = Array.isArray(header) ? header[0] : header;
  if (!v) return null;
  if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export class MaasTransport {
  readonly apiRoot: string;
  readonly label: string;
  readonly timeoutMs: number;
  #agent: Agent;
  #oauth: OAuth | null;
  #token: { key: string; secret: string } | null;
  #o: TransportOptions;
  /**
   * Set when a call's every attempt failed to reach the server; cleared by any answer. While
   * set, calls try once: a technician on the floor switching views should see the snapshot at
   * once, not after a second of back-off per read, and the first answer ends it.
   */
  #unreached = false;

  constructor(o: TransportOptions) {
    this.#o = o;
    this.apiRoot = o.apiRoot.endsWith('/') ? o.apiRoot : `${o.apiRoot}/`;
    this.label = o.label;
    this.timeoutMs = o.timeoutMs ?? 30_000;
    this.#agent = new Agent({
      keepAliveTimeout: 30_000,
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
      connect: { timeout: this.timeoutMs, ...agentTlsOptions(o.tls) },
    });
    const c = o.credentials;
    // MAAS consumers have an empty secret; PLAINTEXT's signature is then "&token_secret".
    this.#oauth = c ? new OAuth({ consumer: { key: c.consumerKey, secret: '' }, signature_method: 'PLAINTEXT' }) : null;
    this.#token = c ? { key: c.tokenKey, secret: c.tokenSecret } : null;
  }

  describeCall(spec: CallSpec): string {
    return `${this.label}: ${spec.method} ${spec.path}${spec.op ? ` op=${spec.op}` : ''}`;
  }

  async call(spec: CallSpec): Promise<Answer> {
    const where = this.describeCall(spec);
    // op travels in the query string for every method (MAAS dispatches on it there); other
    // parameters of POST and PUT go in the multipart body.
    const target = `${this.apiRoot}${spec.path}${queryString(spec.op, spec.query)}`;
    const encoded = spec.form || spec.method === 'POST' || spec.method === 'PUT' ? await multipartBody(spec.form ?? {}) : null;
    const retries = this.#unreached ? 0 : this.#o.retries ?? 3;
    const sleep = this.#o.sleep ?? defaultSleep;
    const maxWait = this.#o.maxRetryAfterMs ?? 60_000;
    for (let attempt = 0; ; attempt++) {
      const headers: Record<string, string> = { accept: 'application/json, application/bson;q=0.9, */*;q=0.5' };
      if (this.#oauth && this.#token) {
        Object.assign(headers, this.#oauth.toHeader(this.#oauth.authorize({ url: target, method: spec.method }, this.#token)));
      }
      if (encoded) headers['content-type'] = encoded.contentType;
      let answer: Answer;
      let retryAfter: string | string[] | undefined;
      try {
        const r = await request(target, { method: spec.method, headers, body: encoded?.body, dispatcher: this.#agent });
        answer = { status: r.statusCode, contentType: String(r.headers['content-type'] ?? ''), body: Buffer.from(await r.body.arrayBuffer()) };
        retryAfter = r.headers['retry-after'];
      } catch (e) {
        const f = describeNetworkError(e, this.timeoutMs);
        const safe = !f.maybeSent || spec.method === 'GET';
        if (f.kind !== 'tls' && safe && attempt < retries) { await sleep(backoff(attempt)); continue; }
        const failure = networkFailure(where, attempts(f, attempt));
        if (f.kind !== 'tls') this.#unreached = true;
        this.#o.onOutcome?.({ failed: f.kind === 'tls' ? 'tls' : 'unreachable', message: failure.message });
        throw failure;
      }
      this.#unreached = false;
      this.#o.onOutcome?.({ answered: answer.status });
      if (answer.status === 503 && attempt < retries) {
        const wait = retryAfterMs(retryAfter);
        if (wait !== null && wait <= maxWait) { await sleep(wait); continue; }
        if (wait === null && spec.method === 'GET') { await sleep(backoff(attempt)); continue; }
      }
      if (answer.status >= 200 && answer.status < 300) return answer;
      if (spec.accept?.includes(answer.status)) return answer;
      throw httpFailure(where, answer.status, answer.body.toString('utf8'));
    }
  }

  async json<T>(spec: CallSpec): Promise<T> {
    const a = await this.call(spec);
    return parseJson<T>(this.describeCall(spec), a);
  }

  async close(): Promise<void> {
    await this.#agent.close();
  }
}

function attempts<T extends { what: string }>(f: T, attempt: number): T {
  return attempt > 0 ? { ...f, what: `${f.what}, after ${attempt + 1} attempts` } : f;
}

/** 200 ms, 400 ms, 800 ms… capped at 5 s, with jitter so many clients do not retry in step. */
export const backoff = (attempt: number): number =>
  Math.min(5000, 200 * 2 ** attempt) * (0.75 + Math.random() * 0.5);

export function parseJson<T>(where: string, a: Answer): T {
  if (a.status === 204 || a.body.length === 0) return null as T;
  try {
    return JSON.parse(a.body.toString('utf8')) as T;
  } catch {
    throw new MaasMalformedAnswerError(
      `${where}: the server answered ${a.status} with something that is not JSON (${a.contentType || 'no content type'}): ` +
      a.body.toString('utf8', 0, 120).replace(/\s+/g, ' '), a.status);
  }
}
