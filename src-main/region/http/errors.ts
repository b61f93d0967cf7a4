// Every failure a handler can report, one row each (STYLE.md §3, after fastify's
// lib/errors.js): the kind picks the HTTP status; the message is the plain-text body a MAAS
// client shows, so it says what was wrong. Never put a secret in a message. Form validation
// failures carry `fields` instead: MAAS's ExceptionMiddleware answered a ValidationError with a
// message_dict as 400 application/json {"field": ["message"]}, and clients parse it as JSON.
export type RegionErrorKind =
  | 'bad-request'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'method-not-allowed'
  | 'misdirected' // a Host this region is not served under (DNS rebinding)
  | 'conflict'
  | 'too-large'
  | 'unsupported-media'
  | 'unavailable'
  | 'internal'; // a bug: logged, never shown in detail

export const statusOf = {
  'bad-request': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  'method-not-allowed': 405,
  misdirected: 421,
  conflict: 409,
  'too-large': 413,
  'unsupported-media': 415,
  unavailable: 503,
  internal: 500,
} as const satisfies Record<RegionErrorKind, number>;

/** Django's form.errors: every failing field with its messages, in the order found. */
export type FieldErrors = Readonly<Record<string, readonly string[]>>;

export class RegionError extends Error {
  override readonly name = 'RegionError';
  /** Set for form validation failures: the body is then this object as JSON (MAAS's shape). */
  readonly fields?: FieldErrors;
  constructor(readonly kind: RegionErrorKind, message: string, fields?: FieldErrors) {
    super(message);
    if (fields) this.fields = fields;
  }
  get status(): number {
    return statusOf[this.kind];
  }
}

export const badRequest = (message: string) => new RegionError('bad-request', message);
export const unauthorized = (message: string) => new RegionError('unauthorized', message);
export const forbidden = (message = 'You do not have permission to do this.') => new RegionError('forbidden', message);
export const notFound = (what: string) => new RegionError('not-found', `${what} not found.`);
export const conflict = (message: string) => new RegionError('conflict', message);
export const unavailable = (message: string) => new RegionError('unavailable', message);
