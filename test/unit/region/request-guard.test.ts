import { expect, test } from 'vitest';
import { isLoopbackHost, plaintextWarning, RequestGuard, servedNames } from '../../../src-main/region/http/request-guard';

test('served names: loopback names on loopback and on wildcards; the bound address otherwise; plus listed names', () => {
  expect(servedNames('127.0.0.1')).toEqual(['127.0.0.1', 'localhost', '[::1]']);
  expect(servedNames('::1')).toEqual(['127.0.0.1', 'localhost', '[::1]']);
  expect(servedNames('0.0.0.0', ['Lab-1'])).toEqual(['127.0.0.1', 'localhost', '[::1]', 'lab-1']);
  expect(servedNames('192.168.1.20', ['laptop.lab'])).toEqual(['192.168.1.20', 'laptop.lab']);
  expect(servedNames('fd00::20')).toEqual(['[fd00::20]']);
});

test('a guard answers only its names with its port', () => {
  const g = new RequestGuard(servedNames('192.168.1.20', ['laptop.lab']));
  g.listening(5240);
  expect(() => g.check({ host: '192.168.1.20:5240' })).not.toThrow();
  expect(() => g.check({ host: 'LAPTOP.lab:5240' })).not.toThrow();
  expect(() => g.check({ host: '127.0.0.1:5240' })).toThrow(/not served under/);
  expect(() => g.check({ host: 'laptop.lab' })).toThrow(/not served under/);
  expect(() => g.check({})).toThrow(/not served under/);
  expect(() => g.check({ host: 'laptop.lab:5240', origin: 'http://laptop.lab:5240' })).toThrow(/Origin/);
});

test('loopback and the PLAINTEXT warning', () => {
  for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) expect(isLoopbackHost(h), h).toBe(true);
  for (const h of ['0.0.0.0', '::', '10.0.0.1', 'fd00::1', 'laptop.lab']) expect(isLoopbackHost(h), h).toBe(false);
  expect(plaintextWarning('127.0.0.1')).toBeNull();
  expect(plaintextWarning('10.0.0.1')).toMatch(/PLAINTEXT|plain HTTP/);
});
