import { expect, test } from 'vitest';
import { contains, formatIp, maskPrefix, netOf, netText, overlaps, parseCidr, parseIp } from '../../../src-main/region/net/ip';
import { firstFree } from '../../../src-main/region/net/allocate';
import type { InterfaceRow } from '../../../src-main/region/stores/cluster-interfaces-store';

test('addresses parse to numbers and print canonically (RFC 5952 for IPv6)', () => {
  const cases: [string, string, string][] = [
    ['10.0.0.1', '10.0.0.1', 'a000001'], ['::', '::', '0'], ['::1', '::1', '1'], ['2001:DB8:0:0:0:0:0:1', '2001:db8::1', '20010db8000000000000000000000001'],
    ['1:0:0:1:0:0:0:1', '1:0:0:1::1', '10000000000010000000000000001'], ['::ffff:1.2.3.4', '::ffff:102:304', 'ffff01020304'],
    ['1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8', '10002000300040005000600070008'], ['fe80:0:0:0:1::', 'fe80::1:0:0:0', 'fe800000000000000001000000000000'],
  ];
  for (const [text, canonical, hex] of cases) {
    const ip = parseIp(text)!;
    expect(ip.value.toString(16), text).toBe(hex);
    expect(formatIp(ip), text).toBe(canonical);
  }
  for (const bad of ['', '10.0.0', '10.0.0.256', '1::2::3', 'fe80::1%eth0', '10.0.0.1/24', 'x']) expect(parseIp(bad), bad).toBeNull();
});

test('netmasks must be contiguous; networks, containment, overlap and CIDR text', () => {
  expect(maskPrefix(parseIp('255.255.255.0')!)).toBe(24);
  expect(maskPrefix(parseIp('0.0.0.0')!)).toBe(0);
  expect(maskPrefix(parseIp('255.255.255.255')!)).toBe(32);
  expect(maskPrefix(parseIp('255.0.255.0')!)).toBeNull();
  expect(maskPrefix(parseIp('ffff:ffff:ffff:ffff::')!)).toBe(64);
  const n = netOf(parseIp('10.1.2.77')!, 24);
  expect(netText(n)).toBe('10.1.2.0/24');
  expect(contains(n, parseIp('10.1.2.255')!)).toBe(true);
  expect(contains(n, parseIp('10.1.3.0')!)).toBe(false);
  expect(contains(n, parseIp('::a01:200')!)).toBe(false);
  expect(overlaps(n, netOf(parseIp('10.1.0.0')!, 16))).toBe(true);
  expect(overlaps(n, netOf(parseIp('10.1.3.0')!, 24))).toBe(false);
  expect(parseCidr('10.1.2.0/24')).toEqual(n);
  expect(parseCidr('10.1.2.1/24')).toBeNull();
  expect(parseCidr('10.1.2.0/33')).toBeNull();
  expect(netText(parseCidr('2001:db8::/64')!)).toBe('2001:db8::/64');
});

test('firstFree takes the lowest address of the static range that is not taken nor the interface own', () => {
  const i = { ip: '10.0.0.10', router_ip: '10.0.0.11', static_ip_range_low: '10.0.0.10', static_ip_range_high: '10.0.0.14' } as InterfaceRow;
  expect(firstFree(i, new Set())).toBe('10.0.0.12');
  expect(firstFree(i, new Set(['10.0.0.12', '10.0.0.14', '10.9.9.9']))).toBe('10.0.0.13');
  expect(firstFree(i, new Set(['10.0.0.12', '10.0.0.13', '10.0.0.14']))).toBeNull();
});
