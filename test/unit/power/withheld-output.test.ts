// What a tool said reaches a message only line by line, and a line holding a secret is
// replaced as a whole: no masking by substitution, so ordinary-word passwords leave the
// rest of the message readable.
import { expect, test } from 'vitest';
import { PowerError, withheldLine } from '../../../src-main/power/types';

const said = ['Error: Unable to establish IPMI v2 / RMCP+ session', 'user admin password hunter2 rejected', 'RAKP 2 HMAC is invalid'];

test('a line holding the secret is withheld whole; the others stay as the tool wrote them', () => {
  const e = new PowerError('auth', 'the BMC refused the user name or password (ipmitool)', said.join('\n'));
  expect(e.message).toBe('the BMC refused the user name or password (ipmitool)'); // raw output is never in the message
  const m = e.withCause(['hunter2']).message;
  expect(m).toBe(`the BMC refused the user name or password (ipmitool) — ${said[0]}; ${withheldLine}; ${said[2]}`);
  expect(m).not.toContain('hunter2');
  expect(m).not.toContain('***');
});

test.each(['password', 'BMC', 'HTTP', 'user', 'p', '1'])('with the ordinary-word password %j the summary is intact and no tool line holds it', (pw) => {
  const e = new PowerError('auth', 'the BMC refused the user name or password (HTTP 401)', [`login as user with ${pw}`, 'HTTP/1.1 401 Unauthorized', 'session 1 closed']);
  const m = e.withCause([pw]).message;
  expect(m.startsWith('the BMC refused the user name or password (HTTP 401) — ')).toBe(true);
  expect(m).not.toContain('***');
  const lines = m.slice(m.indexOf(' — ') + 3).split('; ');
  for (const l of lines) expect(l === withheldLine || !l.includes(pw)).toBe(true);
  expect(lines[0]).toBe(withheldLine);
});

test('consecutive withheld lines collapse; an empty secret withholds nothing', () => {
  const e = new PowerError('failed', 'x', ['a s3', 'b s3', 'c']);
  expect(e.withCause(['s3', '']).message).toBe(`x — ${withheldLine}; c`);
  expect(e.withCause(['']).message).toBe('x — a s3; b s3; c');
});

test('the whole cause is kept, not the last lines, within a bound', () => {
  const many = Array.from({ length: 30 }, (_, i) => `line ${i}`);
  expect(new PowerError('failed', 'x', many).withCause([]).message).toBe(`x — ${many.join('; ')}`);
  const huge = new PowerError('failed', 'x', ['y'.repeat(10_000)]).withCause([]).message;
  expect(huge.length).toBeLessThan(4100);
});
