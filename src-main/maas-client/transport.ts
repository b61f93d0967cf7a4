// One HTTP path to one MAAS server: OAuth 1.0a PLAINTEXT signing, an undici Agent of its own
// (keep-alive, its own TLS trust), timeouts, and retries with back-off on network errors and
// on 503 honouring Retry-After (as gomaasapi's client.go does for 503). The server is not
// trusted to behave: each kind of answer is read only up to its size (answer-limits.ts), each
// call ends by its deadline however the server drips, stalls or asks to retry, waits between
// retries have a budget, redirects are never followed (the key goes only to the server the
// user named), and JSON nested past any MAAS answer is refused before it is parsed. Short
// answers are read here; lists and details on the answer thread (answer-thread.ts), so a
// huge but valid answer does not stop the main thread while it is parsed.
import { Agent, request, type Dispatcher } from 'undici';
import OAuth from 'oauth-1.0a';
import type { z } from 'zod';
import type { ApiCredentials } from './api-key';
import { ERROR_BODY_BYTES, limitOf, type AnswerKind, type LimitOverrides } from './answer-limits';
import { checkedJson } from './answer-json';
import type { ReaderName, ReadInput, ReadOutput } from './answer-readers';
import { AnswerThread, type OffThreadBody } from './answer-thread';
import type { ApiVersion } from '../../src-shared/maas/maas-types';
import { MaasDeadlineError, MaasMalformedAnswerError, describeNetworkError, httpFailure, networkFailure } from './errors';
import { readLimited, tooLarge, type BodySink } from './read-answer';
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
  /** What is asked for: sets how much is read and the deadline ('small' when not given). */
  answer?: AnswerKind;
}

/** Answers small enough to parse on the calling thread (at most 4 MiB: tens of milliseconds). */
export type ShortAnswer = 'small' | 'node';

export interface Answer {
  status: number;
  contentType: string;
  body: Buffer;
  /** True when only the start of an error answer was read (ERROR_BODY_BYTES). */
  truncated?: boolean;
  /** True when the body went to the call's sink as it arrived (`body` is then empty). */
  streamed?: boolean;
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
  /** The most one call waits between its attempts, all waits together. */
  retryBudgetMs?: number;
  /** Sizes and deadlines other than answer-limits.ts's. */
  limits?: LimitOverrides;
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
  /** This server's own answer thread: its huge answers delay no other server's reads. */
  readonly #answers = new AnswerThread();

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

  /** `sink`, if given, is asked for a place to stream each 2xx body to (once per attempt that gets one). */
  async call(spec: CallSpec, sink?: () => BodySink): Promise<Answer> {
    const where = this.describeCall(spec);
    const limit = limitOf(spec.answer ?? 'small', this.#o.limits);
    // op travels in the query string for every method (MAAS dispatches on it there); other
    // parameters of POST and PUT go in the multipart body.
    const target = `${this.apiRoot}${spec.path}${queryString(spec.op, spec.query)}`;
    const encoded = spec.form || spec.method === 'POST' || spec.method === 'PUT' ? await multipartBody(spec.form ?? {}) : null;
    const retries = this.#unreached ? 0 : this.#o.retries ?? 3;
    const sleep = this.#o.sleep ?? defaultSleep;
    const maxWait = this.#o.maxRetryAfterMs ?? 60_000;
    const budget = this.#o.retryBudgetMs ?? 60_000;
    const started = Date.now();
    let waited = 0;
    // A wait is taken only if the waits so far plus it stay in the budget and it ends before
    // the deadline (counting waits as well as the clock: tests inject a sleep that takes none).
    const affordable = (ms: number) => waited + ms <= budget && Math.max(Date.now() - started, waited) + ms < limit.deadlineMs;
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), limit.deadlineMs);
    const pastDeadline = () => new MaasDeadlineError(`${where}: no whole answer within ${seconds(limit.deadlineMs)} s ` +
      '(retries and waits included); the call was given up', limit.deadlineMs);
    try {
      for (let attempt = 0; ; attempt++) {
        const headers: Record<string, string> = { accept: 'application/json, application/bson;q=0.9, */*;q=0.5' };
        if (this.#oauth && this.#token) {
          Object.assign(headers, this.#oauth.toHeader(this.#oauth.authorize({ url: target, method: spec.method }, this.#token)));
        }
        if (encoded) headers['content-type'] = encoded.contentType;
        let r: Dispatcher.ResponseData;
        let body: Awaited<ReturnType<typeof readLimited>>;
        let wanted: boolean;
        let success: boolean;
        try {
          r = await request(target, { method: spec.method, headers, body: encoded?.body, dispatcher: this.#agent, signal: deadline.signal });
          success = r.statusCode >= 200 && r.statusCode < 300;
          wanted = success || (spec.accept?.includes(r.statusCode) ?? false);
          // Any other status is an error text (a 409 the caller reads included): its start is enough.
          body = await readLimited(r, success ? limit.bytes : ERROR_BODY_BYTES, !success, success ? sink?.() : undefined);
        } catch (e) {
          if (deadline.signal.aborted) throw pastDeadline();
          const f = describeNetworkError(e, this.timeoutMs);
          const safe = !f.maybeSent || spec.method === 'GET';
          const wait = backoff(attempt);
          if (f.kind !== 'tls' && safe && attempt < retries && affordable(wait)) { waited += wait; await sleep(wait); continue; }
          const failure = networkFailure(where, attempts(f, attempt));
          if (f.kind !== 'tls') this.#unreached = true;
          this.#o.onOutcome?.({ failed: f.kind === 'tls' ? 'tls' : 'unreachable', message: failure.message });
          throw failure;
        }
        this.#unreached = false;
        this.#o.onOutcome?.({ answered: r.statusCode });
        if (success && body.over) throw tooLarge(where, r.statusCode, limit, body);
        const answer: Answer = {
          status: r.statusCode, contentType: String(r.headers['content-type'] ?? ''), body: body.bytes, truncated: body.over,
          streamed: success && sink !== undefined,
        };
        if (wanted) return answer;
        let gaveUp = '';
        if (answer.status === 503 && attempt < retries) {
          const asked = retryAfterMs(r.headers['retry-after']);
          const wait = asked ?? (spec.method === 'GET' ? backoff(attempt) : null);
          if (wait !== null && (asked === null || asked <= maxWait) && affordable(wait)) { waited += wait; await sleep(wait); continue; }
          if (wait !== null && asked !== null && asked <= maxWait) {
            gaveUp = ` (asked to retry in ${seconds(wait)} s after ${seconds(waited)} s of waiting; a call waits at most ` +
              `${seconds(Math.min(budget, limit.deadlineMs))} s in all)`;
          }
        }
        const location = answer.status >= 300 && answer.status < 400 ? String(r.headers.location ?? '') : '';
        throw httpFailure(where, answer.status, answer.body.toString('utf8'), { location, note: gaveUp });
      }
    } finally {
      clearTimeout(timer);
    }
  }

  /** A short answer's JSON, checked against its shape (answer-shapes.ts); null for an empty answer. */
  async json<S extends z.ZodType>(spec: CallSpec & { answer?: ShortAnswer }, shape: S): Promise<z.output<S> | null> {
    const a = await this.call(spec);
    return checkedJson(this.#meta(spec, a), a.body, shape);
  }

  /** The same, where an empty answer is itself malformed (a node, a tag: something to show). */
  async one<S extends z.ZodType>(spec: CallSpec & { answer?: ShortAnswer }, shape: S): Promise<z.output<S>> {
    const value = await this.json(spec, shape);
    if (value === null) {
      throw new MaasMalformedAnswerError(`${this.describeCall(spec)}: the server answered with nothing where ${limitOf(spec.answer ?? 'small').what} was expected`, 204);
    }
    return value;
  }

  /**
   * A large answer (a list, events, details), streamed to the answer thread as it arrives and
   * read there by `reader`. Fails before anything is asked if that thread cannot start.
   */
  async read<R extends ReaderName>(spec: CallSpec, reader: R, api: ApiVersion,
    extra: Pick<ReadInput, 'asked' | 'requested'> = {}): Promise<ReadOutput<R>> {
    this.#answers.current();
    let stream: OffThreadBody | null = null;
    try {
      const a = await this.call(spec, () => { stream?.discard(); return (stream = this.#answers.body()); });
      const input = { ...this.#meta(spec, a), api, ...extra };
      // A status the caller accepts (a bulk 409) was read here, its start only: it goes whole.
      return a.streamed && stream ? await (stream as OffThreadBody).read(reader, input) : await this.#answers.body().read(reader, input, a.body);
    } catch (e) {
      (stream as OffThreadBody | null)?.discard();
      throw e;
    }
  }

  #meta(spec: CallSpec, a: Answer) {
    return { where: this.describeCall(spec), what: limitOf(spec.answer ?? 'small').what, status: a.status, contentType: a.contentType };
  }

  async close(): Promise<void> {
    await Promise.all([this.#agent.close(), this.#answers.close()]);
  }
}

function attempts<T extends { what: string }>(f: T, attempt: number): T {
  return attempt > 0 ? { ...f, what: `${f.what}, after ${attempt + 1} attempts` } : f;
}

/** 200 ms, 400 ms, 800 ms… capped at 5 s, with jitter so many clients do not retry in step. */
export const backoff = (attempt: number): number =>
  Math.min(5000, 200 * 2 ** attempt) * (0.75 + Math.random() * 0.5);

const seconds = (ms: number) => Math.round(ms / 100) / 10;
