// Every failure of a MAAS call names the server, the call and what went wrong, and carries a
// ConsoleErrorCode the UI can branch on. Never the key: messages are built from the URL,
// the method and op, and the server's own (trimmed) answer.
import { ConsoleFailure, type ConsoleErrorCode } from '../../src-shared/contract/errors';

export class MaasCallError extends ConsoleFailure {
  constructor(
    code: ConsoleErrorCode,
    message: string,
    /** The HTTP status, when the server answered. */
    readonly status: number | null,
    /** The server's answer body (plain text, trimmed). */
    readonly body: string,
  ) {
    super(code, message);
    this.name = 'MaasCallError';
  }
}

const byStatus: Record<number, ConsoleErrorCode> = {
  400: 'bad-input', 401: 'key-rejected', 403: 'key-rejected', 404: 'not-found',
  409: 'conflict', 503: 'unavailable',
};
export const codeForStatus = (status: number): ConsoleErrorCode =>
  byStatus[status] ?? (status >= 500 ? 'unavailable' : 'bad-input');

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

export function httpFailure(where: string, status: number, body: string): MaasCallError {
  const text = body.replace(/\s+/g, ' ').trim().slice(0, 400);
  const words = statusWords[status] ?? '';
  return new MaasCallError(codeForStatus(status),
    `${where}: HTTP ${status}${words ? ` ${words}` : ''}${text ? ` — ${text}` : ''}`, status, text);
}

export function networkFailure(where: string, f: NetworkFailure): MaasCallError {
  return new MaasCallError(f.kind === 'tls' ? 'tls' : 'unreachable', `${where}: ${f.what}`, null, '');
}
