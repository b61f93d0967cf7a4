// Failures travel as values (never thrown across IPC): a stable code the UI can branch on,
// and a message written for the technician reading it.
export type ConsoleErrorCode =
  | 'unknown-channel'   // the renderer asked for a channel main does not have
  | 'invalid-request'   // the payload does not match the channel's schema
  | 'not-found'         // a connection, node, tag… that does not exist
  | 'unreachable'       // a server or BMC that did not answer
  | 'key-rejected'      // the server refused the API key (401/403)
  | 'tls'               // certificate problem
  | 'conflict'          // MAAS 409 or a local conflict
  | 'bad-input'         // the server refused the request (400) or the input is unusable
  | 'unavailable'       // MAAS 503, or a service not running
  | 'keychain'          // the OS keychain could not be used
  | 'internal';         // a bug: the message says what failed

export interface ConsoleError {
  code: ConsoleErrorCode;
  message: string;
  /** Per-field problems of an invalid request: path → message. */
  issues?: { path: string; message: string }[];
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ConsoleError };

export const ok = <T>(value: T): Reply<T> => ({ ok: true, value });
export const fail = (code: ConsoleErrorCode, message: string, issues?: ConsoleError['issues']): Reply<never> =>
  ({ ok: false, error: issues ? { code, message, issues } : { code, message } });

/** Thrown inside main by use-cases; the dispatcher turns it into a failed Reply. */
export class ConsoleFailure extends Error {
  constructor(readonly code: ConsoleErrorCode, message: string, readonly issues?: ConsoleError['issues']) {
    super(message);
    this.name = 'ConsoleFailure';
  }
}
