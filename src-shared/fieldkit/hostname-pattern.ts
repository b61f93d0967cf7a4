// Hostname patterns for rows of identical machines: `r12-u{n}` numbers the units of rack 12;
// `{n:2}` pads to two digits (r12-u07). A name without `{n}` is used as it is.
const TOKEN = /\{n(?::(\d))?\}/;
// MAAS hostnames: labels of letters, digits and "-" joined by "." (maasserver/fields.py).
const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;

export const isPattern = (p: string): boolean => TOKEN.test(p);

export function expandHostname(pattern: string, n: number): string {
  return pattern.replace(TOKEN, (_, pad: string | undefined) => String(n).padStart(pad ? Number(pad) : 0, '0'));
}

/** The first number from `start` on whose expansion is not taken. */
export function nextFreeNumber(pattern: string, start: number, taken: ReadonlySet<string>): number {
  let n = Math.max(0, start);
  while (taken.has(expandHostname(pattern, n).toLowerCase()) && n < start + 100_000) n++;
  return n;
}

/** Why `h` is not a MAAS hostname, or null. */
export function hostnameProblem(h: string): string | null {
  if (!h) return 'hostname is empty';
  if (h.length > 255) return 'hostname is longer than 255 characters';
  if (!h.split('.').every((l) => LABEL.test(l))) return `"${h.slice(0, 80)}" is not a valid hostname (letters, digits and "-", labels separated by ".")`;
  return null;
}
