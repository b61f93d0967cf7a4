// The console's view of the MAAS client's failures: each client error class maps to one
// contract code, with the client's message unchanged; wrapped clients and free functions
// throw ConsoleFailures only; the dispatcher answers an unmapped client error as the server's
// doing, not as a bug.
import { expect, test } from 'vitest';
import { ConsoleFailure } from '../../../src-shared/contract/errors';
import {
  InvalidApiKeyError, InvalidMaasUrlError, MaasAnswerTooLargeError, MaasDeadlineError, MaasMalformedAnswerError,
  MaasStatusError, MaasTlsError, MaasUnreachableError, NoMaasApiError,
} from '../../../src-main/maas-client/errors';
import { consoleClient, failedStatus, mapped, MaasFailure, toConsoleFailure } from '../../../src-main/console/maas-failure';
import { createDispatcher } from '../../../src-main/ipc/dispatcher';
import { stubHandlers } from './stub-handlers';

const cases: [Error, string][] = [
  [new MaasStatusError('x: HTTP 400', 400, ''), 'bad-input'],
  [new MaasStatusError('x: HTTP 401', 401, ''), 'key-rejected'],
  [new MaasStatusError('x: HTTP 403', 403, ''), 'key-rejected'],
  [new MaasStatusError('x: HTTP 404', 404, ''), 'not-found'],
  [new MaasStatusError('x: HTTP 409', 409, ''), 'conflict'],
  [new MaasStatusError('x: HTTP 418', 418, ''), 'bad-input'],
  [new MaasStatusError('x: HTTP 502', 502, ''), 'unavailable'],
  [new MaasStatusError('x: HTTP 503', 503, ''), 'unavailable'],
  [new MaasTlsError('x: TLS problem'), 'tls'],
  [new MaasUnreachableError('x: cannot connect', 'refused'), 'unreachable'],
  [new MaasDeadlineError('x: no whole answer within 1 s', 1000), 'unreachable'],
  [new MaasAnswerTooLargeError('x: too large', 200, 10, 20, 0), 'unavailable'],
  [new MaasMalformedAnswerError('x: not JSON', 200), 'unavailable'],
  [new InvalidApiKeyError('not a key'), 'bad-input'],
  [new InvalidMaasUrlError('not a URL'), 'bad-input'],
  [new NoMaasApiError('no MAAS API answered'), 'bad-input'],
];

test.each(cases)('%s is the contract code %s, message unchanged', (e, code) => {
  const f = toConsoleFailure(e);
  expect(f).toBeInstanceOf(ConsoleFailure);
  expect(f).toMatchObject({ code, message: e.message });
});

test('a status survives the mapping for the callers that branch on it; other errors pass through', () => {
  const f = toConsoleFailure(new MaasStatusError('x: HTTP 403', 403, 'Forbidden')) as MaasFailure;
  expect([f.status, f.body, failedStatus(f)]).toEqual([403, 'Forbidden', 403]);
  expect(failedStatus(new MaasStatusError('x', 404, ''))).toBe(404);
  expect((toConsoleFailure(new MaasTlsError('x')) as MaasFailure).status).toBeNull();
  const plain = new Error('a bug');
  expect(toConsoleFailure(plain)).toBe(plain);
});

test('a wrapped client throws ConsoleFailures, sync or async, and keeps its fields; wrapping twice is once', async () => {
  const raw = {
    label: 'lab',
    async listZones(): Promise<string[]> { throw new MaasUnreachableError('lab: cannot connect', 'refused'); },
    parse(): number { throw new InvalidApiKeyError('not a key'); },
    ok(): number { return 7; },
  };
  const c = consoleClient(raw);
  expect(consoleClient(c)).toBe(c);
  expect(c.label).toBe('lab');
  expect(c.ok()).toBe(7);
  await expect(c.listZones()).rejects.toMatchObject({ code: 'unreachable', message: 'lab: cannot connect' });
  expect(() => c.parse()).toThrow(ConsoleFailure);
  await expect(mapped(() => { throw new NoMaasApiError('nothing there'); })).rejects.toMatchObject({ code: 'bad-input' });
});

test('the dispatcher answers a client error that was not mapped with its contract code, not as internal', async () => {
  const handlers = { ...stubHandlers(), 'connections.list': () => { throw new MaasStatusError('lab: HTTP 409 Conflict', 409, ''); } };
  const reply = await createDispatcher(handlers as never)('connections.list', {});
  expect(reply).toEqual({ ok: false, error: { code: 'conflict', message: 'lab: HTTP 409 Conflict' } });
});
