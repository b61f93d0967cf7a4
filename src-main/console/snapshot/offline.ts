// When a read may be answered from the snapshot instead: the server did not answer
// (unreachable), or answered 503 / is This laptop's region not running (unavailable). A
// refused key or a 4xx is a real answer, and is shown as such.
import { ConsoleFailure } from '../../../src-shared/contract/errors';

export const isOffline = (e: unknown): boolean => e instanceof ConsoleFailure && (e.code === 'unreachable' || e.code === 'unavailable');
