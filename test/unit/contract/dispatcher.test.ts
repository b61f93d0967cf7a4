import { describe, expect, test } from 'vitest';
import { createDispatcher, type Handlers } from '../../../src-main/ipc/dispatcher';
import { ConsoleFailure } from '../../../src-shared/contract/index';
import { stubHandlers } from './stub-handlers';

describe('dispatcher', () => {
  const dispatch = createDispatcher(stubHandlers());

  test('answers a valid request with the handler value', async () => {
    const r = await dispatch('app.ping', { text: 'hi' });
    expect(r.ok).toBe(true);
    if (r.ok) expect((r.value as { text: string }).text).toBe('hi');
  });

  test('an unknown channel is a typed error, not a throw', async () => {
    const r = await dispatch('nodes.frobnicate', {});
    expect(r).toEqual({ ok: false, error: { code: 'unknown-channel', message: expect.stringContaining('nodes.frobnicate') } });
  });

  test('a payload that fails the schema names the field', async () => {
    const r = await dispatch('app.ping', { text: 42 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid-request');
      expect(r.error.issues?.[0].path).toBe('text');
      expect(r.error.message).toMatch(/app\.ping: text:/);
    }
  });

  test('extra fields are refused (strict schemas)', async () => {
    const r = await dispatch('app.ping', { text: 'a', evil: true });
    expect(r.ok).toBe(false);
  });

  test('inherited property names are not channels', async () => {
    for (const name of ['toString', '__proto__', 'constructor', 42, null]) {
      const r = await dispatch(name, {});
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('unknown-channel');
    }
  });

  test('a ConsoleFailure thrown by a use-case travels as its code', async () => {
    const handlers: Handlers = { ...stubHandlers(), 'app.ping': () => { throw new ConsoleFailure('not-found', 'no such thing'); } };
    const r = await createDispatcher(handlers)('app.ping', { text: 'x' });
    expect(r).toEqual({ ok: false, error: { code: 'not-found', message: 'no such thing' } });
  });

  test('an unexpected exception becomes an internal error naming the channel', async () => {
    const lines: string[] = [];
    const handlers: Handlers = { ...stubHandlers(), 'app.ping': async () => { throw new TypeError('boom'); } };
    const r = await createDispatcher(handlers, (l) => lines.push(l))('app.ping', { text: 'x' });
    expect(r).toEqual({ ok: false, error: { code: 'internal', message: 'app.ping failed: boom' } });
    expect(lines).toHaveLength(1);
  });
});
