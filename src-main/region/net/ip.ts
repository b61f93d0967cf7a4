// IPv4 and IPv6 addresses as bigints, for the checks MAAS made with netaddr: netmasks,
// networks, ranges inside a network, overlaps. Text in, text out: the API stores what a
// client would read back, in canonical form.
import { isIP } from 'node:net';

export interface Ip {
  family: 4 | 6;
  value: bigint;
}

const bits = (f: 4 | 6): number => (f === 4 ? 32 : 128);
const all = (f: 4 | 6): bigint => (1n << BigInt(bits(f))) - 1n;

/** The address, or null when `text` is not one (no zone ids, no prefixes). */
export function parseIp(text: string): Ip | null {
  const t = text.trim();
  const f = isIP(t);
  if (f === 4) return { family: 4, value: t.split('.').reduce((a, o) => (a << 8n) | BigInt(Number(o)), 0n) };
  if (f !== 6 || t.includes('%')) return null;
  let s = t.toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const n = parseIp(v4[1])!.value;
    s = `${s.slice(0, -v4[1].length)}${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head, tail] = s.includes('::') ? s.split('::') : [s, undefined];
  const h = head ? head.split(':') : [];
  const tl = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - tl.length).fill('0'), ...tl];
  return { family: 6, value: groups.reduce((a, g) => (a << 16n) | BigInt(parseInt(g, 16)), 0n) };
}

export function formatIp(ip: Ip): string {
  if (ip.family === 4) return [24n, 16n, 8n, 0n].map((s) => String((ip.value >> s) & 0xffn)).join('.');
  const g = Array.from({ length: 8 }, (_, i) => Number((ip.value >> BigInt(112 - 16 * i)) & 0xffffn));
  // RFC 5952: the longest run (≥ 2) of zero groups becomes "::".
  let best = -1, len = 0;
  for (let i = 0; i < 8;) {
    if (g[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > len && j - i >= 2) { best = i; len = j - i; }
    i = j;
  }
  const hex = g.map((x) => x.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + len).join(':')}`;
}

/** Prefix length of a contiguous netmask ("255.255.255.0" → 24), or null. */
export function maskPrefix(mask: Ip): number | null {
  const inv = all(mask.family) ^ mask.value;
  if ((inv & (inv + 1n)) !== 0n) return null; // ones must be contiguous from the top
  return bits(mask.family) - inv.toString(2).replace(/^0+/, '').length;
}

export const prefixMask = (family: 4 | 6, prefix: number): Ip =>
  ({ family, value: all(family) ^ ((1n << BigInt(bits(family) - prefix)) - 1n) });

export interface Net {
  family: 4 | 6;
  first: bigint;
  last: bigint;
  prefix: number;
}

export function netOf(ip: Ip, prefix: number): Net {
  const mask = prefixMask(ip.family, prefix).value;
  const first = ip.value & mask;
  return { family: ip.family, first, last: first | (all(ip.family) ^ mask), prefix };
}

export const netText = (n: Net): string => `${formatIp({ family: n.family, value: n.first })}/${n.prefix}`;

export const contains = (n: Net, ip: Ip): boolean => ip.family === n.family && ip.value >= n.first && ip.value <= n.last;

export const overlaps = (a: { family: number; first: bigint; last: bigint }, b: { family: number; first: bigint; last: bigint }): boolean =>
  a.family === b.family && a.first <= b.last && b.first <= a.last;

/** "10.1.2.0/24" or "2001:db8::/64" (host bits must be zero), or null. */
export function parseCidr(text: string): Net | null {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(text.trim());
  if (!m) return null;
  const ip = parseIp(m[1]);
  const prefix = Number(m[2]);
  if (!ip || prefix > bits(ip.family)) return null;
  const n = netOf(ip, prefix);
  return n.first === ip.value ? n : null;
}
