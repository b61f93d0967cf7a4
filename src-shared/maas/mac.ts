// MAC addresses as MAAS stores and prints them: six lower-case hex pairs joined by ':'.
// MAAS's MAC_RE accepted ':' or '-' separators (maasserver/fields.py); we also accept the
// bare 12-digit and Cisco dotted (aabb.ccdd.eeff) forms technicians copy from switches.
const SEPARATED = /^([0-9a-f]{2})([:-])([0-9a-f]{2})\2([0-9a-f]{2})\2([0-9a-f]{2})\2([0-9a-f]{2})\2([0-9a-f]{2})$/i;
const BARE = /^[0-9a-f]{12}$/i;
const DOTTED = /^([0-9a-f]{4})\.([0-9a-f]{4})\.([0-9a-f]{4})$/i;

/** `aa:bb:cc:dd:ee:ff`, or null when `text` is not a MAC address. */
export function normaliseMac(text: string): string | null {
  const t = text.trim();
  let hex: string | null = null;
  const s = SEPARATED.exec(t);
  if (s) hex = [s[1], s[3], s[4], s[5], s[6], s[7]].join('');
  else if (BARE.test(t)) hex = t;
  else {
    const d = DOTTED.exec(t);
    if (d) hex = d[1] + d[2] + d[3];
  }
  if (hex === null) return null;
  return hex.toLowerCase().match(/../g)!.join(':');
}

export const isMac = (text: string): boolean => normaliseMac(text) !== null;

/**
 * Each MAC once, in the order first seen, normalised where it is a MAC. MAAS 2.x/3.x list a
 * VLAN (and a bond's or bridge's) interface with its parent's MAC, so one machine's
 * `interface_set` names the same MAC several times.
 */
export function uniqueMacs(list: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const m of list) {
    const mac = normaliseMac(m) ?? m.trim().toLowerCase();
    if (mac) seen.add(mac);
  }
  return [...seen];
}
