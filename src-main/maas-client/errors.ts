// The client's failures: one class per failure, each with a stable `code` (as undici's
// errors are), so callers branch on the class or the code, never on message text. The
// client knows nothing of the console's IPC contract: src-main/console/maas-failure.ts maps
// these to the contract's ConsoleFailure. Every message names the server, the call and what
// went wrong; never the key: messages are built from the URL, the method and op, and the
// server's own answer, cut short before anything else is done with it.

export type MaasErrorCode =
  | 'MAAS_ERR_INVALID_URL'
  | 'MAAS_ERR_INVALID_API_KEY'
  | 'MAAS_ERR_NO_API'
  | 'MAAS_ERR_TLS'
  | 'MAAS_ERR_UNREACHABLE'
  | 'MAAS_ERR_DEADLINE'
  | 'MAAS_ERR_STATUS'
  | 'MAAS_ERR_ANSWER_TOO_LARGE'
  | 'MAAS_ERR_MALFORMED_ANSWER';

export class MaasClientError extends Error {
  readonly code: MaasErrorCode = 'MAAS_ERR_UNREACHABLE';
  constructor(message: string) {
    super(message);
    this.name = 'MaasClientError';
  }
}

/** The text given as a MAAS URL is not one (no request was made). */
export class InvalidMaasUrlError extends MaasClientError {
  override readonly code = 'MAAS_ERR_INVALID_URL';
  override name = 'InvalidMaasUrlError';
}

/** The text given as an API key is not `consumer_key:token_key:token_secret` (no request was made). */
export class InvalidApiKeyError extends MaasClientError {
  override readonly code = 'MAAS_ERR_INVALID_API_KEY';
  override name = 'InvalidApiKeyError';
}

/** Something answered at the URL, but no MAAS API. */
export class NoMaasApiError extends MaasClientError {
  override readonly code = 'MAAS_ERR_NO_API';
  override name = 'NoMaasApiError';
}

/** The TLS handshake failed: an untrusted, expired or unpinned certificate, or no TLS at all. */
export class MaasTlsError extends MaasClientError {
  override readonly code = 'MAAS_ERR_TLS';
  override name = 'MaasTlsError';
}

/** No answer: refused, reset, or silent past the idle timeout. */
export class MaasUnreachableError extends MaasClientError {
  override readonly code = 'MAAS_ERR_UNREACHABLE';
  override name = 'MaasUnreachableError';
  constructor(message: string, readonly reason: 'timeout' | 'refused' | 'network') { super(message); }
}

/** The call (every attempt and every wait between them) ran past its overall deadline. */
export class MaasDeadlineError extends MaasClientError {
  override readonly code = 'MAAS_ERR_DEADLINE';
  override name = 'MaasDeadlineError';
  constructor(message: string, readonly deadlineMs: number) { super(message); }
}

/** The server answered with an HTTP status the caller does not handle. */
export class MaasStatusError extends MaasClientError {
  override readonly code = 'MAAS_ERR_STATUS';
  override name = 'MaasStatusError';
  constructor(
    message: string,
    readonly status: number,
    /** The start of the server's answer, whitespace folded, cut short. */
    readonly body: string,
  ) { super(message); }
}

/** The answer was larger than this kind of answer may be: it was refused, not read. */
export class MaasAnswerTooLargeError extends MaasClientError {
  override readonly code = 'MAAS_ERR_ANSWER_TOO_LARGE';
  override name = 'MaasAnswerTooLargeError';
  constructor(
    message: string,
    readonly status: number,
    readonly limitBytes: number,
    /** What the server declared (Content-Length), when it did. */
    readonly declaredBytes: number | null,
    /** What was read before the answer was refused. */
    readonly readBytes: number,
  ) { super(message); }
}

/** The answer could not be used: not JSON or BSON, nested too deep, or not the shape asked for. */
export class MaasMalformedAnswerError extends MaasClientError {
  override readonly code = 'MAAS_ERR_MALFORMED_ANSWER';
  override name = 'MaasMalformedAnswerError';
  constructor(message: string, readonly status: number) { super(message); }
}

/** The HTTP status of a failure the server answered, else null. */
export const statusOf = (e: unknown): number | null => (e instanceof MaasStatusError ? e.status : null);

const statusWords: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized (the server refused the API key)',
  403: 'Forbidden (this key may not do that)', 404: 'Not Found', 409: 'Conflict',
  500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

// Node's and undici's codes for "never got an answer" and for certificate trouble.
const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID', 'CERT_UNTRUSTED', 'CERT_REVOKED', 'CERT_SIGNATURE_FAILURE',
  'ERR_SSL_WRONG_VERSION_NUMBER', 'EPROTO', 'ERR_TLS_PINNED_CERTIFICATE',
]);
const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

export interface NetworkFailure {
  kind: 'tls' | 'timeout' | 'refused' | 'network';
  /** Whether the request can have reached the server (a reset after sending may have). */
  maybeSent: boolean;
  what: string;
}

/** Sorts a thrown network error into what the user needs to know. */
export function describeNetworkError(e: unknown, timeoutMs: number): NetworkFailure {
  const err = e as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = err?.code ?? err?.cause?.code ?? '';
  const message = err?.cause?.message ?? err?.message ?? String(e);
  if (TLS_CODES.has(code) || /certificate|SSL routines|wrong version number/i.test(message)) {
    return { kind: 'tls', maybeSent: false, what: `TLS problem: ${message}${code ? ` (${code})` : ''}` };
  }
  if (TIMEOUT_CODES.has(code)) {
    const sent = code !== 'UND_ERR_CONNECT_TIMEOUT';
    return { kind: 'timeout', maybeSent: sent, what: `no answer within ${Math.round(timeoutMs / 100) / 10} s (${code})` };
  }
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EAI_AGAIN') {
    return { kind: 'refused', maybeSent: false, what: `cannot connect: ${message} (${code})` };
  }
  return { kind: 'network', maybeSent: true, what: `connection failed: ${message}${code ? ` (${code})` : ''}` };
}

/** A server's text as a message may carry it: cut first, so a huge answer costs nothing to fold. */
export const serverText = (body: string, max = 400): string =>
  body.slice(0, max * 4).replace(/\s+/g, ' ').trim().slice(0, max);

export function httpFailure(where: string, status: number, body: string, o: { location?: string; note?: string } = {}): MaasStatusError {
  const text = serverText(body);
  const words = statusWords[status] ?? '';
  // A redirect is reported, never followed: following it would sign a request to wherever
  // the server pointed, with the key, and the user named this server only.
  const redirect = o.location ? ` (a redirect to ${serverText(o.location, 200)}: not followed)` : '';
  return new MaasStatusError(`${where}: HTTP ${status}${words ? ` ${words}` : ''}${redirect}${text ? ` — ${text}` : ''}${o.note ?? ''}`, status, text);
}

export function networkFailure(where: string, f: NetworkFailure): MaasTlsError | MaasUnreachableError {
  return f.kind === 'tls' ? new MaasTlsError(`${where}: ${f.what}`) : new MaasUnreachableError(`${where}: ${f.what}`, f.kind);
}
