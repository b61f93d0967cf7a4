// The MAAS client's failures in the contract's words. maas-client throws its own classes
// (one per failure, as undici does) and knows nothing of the IPC contract; the console sees
// ConsoleFailures only, because every client it uses is wrapped here (consoleClient) and so
// are the client's free functions it calls (mapped). The message is the client's, unchanged.
import { ConsoleFailure, type ConsoleErrorCode } from '../../src-shared/contract/errors';
import {
  InvalidApiKeyError, InvalidMaasUrlError, MaasAnswerTooLargeError, MaasClientError, MaasDeadlineError,
  MaasMalformedAnswerError, MaasStatusError, MaasTlsError, MaasUnreachableError, NoMaasApiError,
} from '../maas-client/errors';

const byStatus: Record<number, ConsoleErrorCode> = {
  400: 'bad-input', 401: 'key-rejected', 403: 'key-rejected', 404: 'not-found',
  409: 'conflict', 503: 'unavailable',
};
export const codeForStatus = (status: number): ConsoleErrorCode =>
  byStatus[status] ?? (status >= 500 ? 'unavailable' : 'bad-input');

function codeOf(e: MaasClientError): ConsoleErrorCode {
  if (e instanceof MaasStatusError) return codeForStatus(e.status);
  if (e instanceof MaasTlsError) return 'tls';
  // A call past its deadline got no usable answer in time: to the user, like no answer.
  if (e instanceof MaasUnreachableError || e instanceof MaasDeadlineError) return 'unreachable';
  // The server answered, but with nothing the console can use: as a server not serving.
  if (e instanceof MaasAnswerTooLargeError || e instanceof MaasMalformedAnswerError) return 'unavailable';
  if (e instanceof InvalidApiKeyError || e instanceof InvalidMaasUrlError || e instanceof NoMaasApiError) return 'bad-input';
  return 'internal';
}

/** A failure of a MAAS call, as the console's use-cases and the UI see it. */
export class MaasFailure extends ConsoleFailure {
  constructor(readonly source: MaasClientError) {
    super(codeOf(source), source.message);
    this.name = 'MaasFailure';
  }
  /** The HTTP status when the server answered with one the caller did not handle, else null. */
  get status(): number | null { return this.source instanceof MaasStatusError ? this.source.status : null; }
  /** The start of the server's answer to that status ('' when there was none). */
  get body(): string { return this.source instanceof MaasStatusError ? this.source.body : ''; }
}

/** The contract's failure for a client error; anything else is returned as it is. */
export const toConsoleFailure = (e: unknown): unknown => (e instanceof MaasClientError ? new MaasFailure(e) : e);

/** The HTTP status a MAAS call failed with, whether or not it was mapped yet. */
export const failedStatus = (e: unknown): number | null =>
  e instanceof MaasFailure ? e.status : e instanceof MaasStatusError ? e.status : null;

/** Runs one of the client's functions (discover, parse a key…), its failures mapped. */
export async function mapped<T>(f: () => T | Promise<T>): Promise<T> {
  try { return await f(); } catch (e) { throw toConsoleFailure(e); }
}

/** The same, for the client's synchronous functions. */
export function mappedSync<T>(f: () => T): T {
  try { return f(); } catch (e) { throw toConsoleFailure(e); }
}

const wrapped = new WeakSet<object>();

/**
 * The client with every method's failures mapped. A Proxy rather than a list of methods, so
 * a method added to the client is covered without a change here.
 */
export function consoleClient<C extends object>(client: C): C {
  if (wrapped.has(client)) return client;
  const proxy = new Proxy(client, {
    get(target, key, receiver) {
      const v = Reflect.get(target, key, receiver);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        let out: unknown;
        try { out = v.apply(target, args); } catch (e) { throw toConsoleFailure(e); }
        return out instanceof Promise ? out.catch((e: unknown) => { throw toConsoleFailure(e); }) : out;
      };
    },
  });
  wrapped.add(proxy);
  return proxy;
}

/** A `clientFor` whose clients are all wrapped. */
export const consoleClients = <C extends object, A extends unknown[]>(clientFor: (...a: A) => Promise<C>) =>
  async (...a: A): Promise<C> => consoleClient(await mapped(() => clientFor(...a)));
