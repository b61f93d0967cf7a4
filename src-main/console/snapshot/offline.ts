// When a read may be answered from what the console kept instead: the server did not answer
// (unreachable), or answered 503 / is This laptop's region not running (unavailable). A
// refused key or a 4xx is a real answer, and is shown as such.
import { ConsoleFailure } from '../../../src-shared/contract/errors';

export const serverGone = (e: unknown): boolean => e instanceof ConsoleFailure && (e.code === 'unreachable' || e.code === 'unavailable');

/**
 * `read()` from the server; if the server is gone, what `kept()` has instead. Nothing kept
 * (undefined) and every other failure are the server's error, unchanged.
 */
export async function orKept<T>(read: () => Promise<T>, kept: () => T | undefined): Promise<T> {
  try {
    return await read();
  } catch (e) {
    const instead = serverGone(e) ? kept() : undefined;
    if (instead === undefined) throw e;
    return instead;
  }
}
