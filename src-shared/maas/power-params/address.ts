// Where a power driver connects: a host name or IP address with an optional port, or for
// HTTP-speaking BMCs an http(s) URL. Every value here ends up in a tool's argument array or
// in a request line, so the grammar is narrow: nothing a tool could read as an option
// (a leading "-"), no spaces or control characters, no credentials inside a URL.

const HOST_NAME = /^[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,252})$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const IPV6 = /^[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?$/;

/** Why `host` is not a host name or IP address, or null when it is one. */
export function hostProblem(host: string): string | null {
  if (host === '') return 'has no host name or address';
  if (host.startsWith('-')) return 'must not begin with "-"';
  const v4 = IPV4.exec(host);
  if (v4) return v4.slice(1).every((n) => Number(n) <= 255) ? null : 'is not a valid IPv4 address';
  if (host.includes(':')) return IPV6.test(host) ? null : 'is not a valid IPv6 address';
  if (!HOST_NAME.test(host) || host.includes('..')) return 'is not a host name or IP address';
  return null;
}

/** Why `port` is not a TCP/UDP port number (1-65535), or null. */
export function portProblem(port: string): string | null {
  return /^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535 ? null : 'must be a port number (1-65535)';
}

/**
 * "10.0.0.5", "bmc1.lab", "10.0.0.5:623", "[fe80::1]:623" or a bare IPv6 address ("fe80::1").
 * Returns why the value is not one, or null.
 */
export function addressProblem(value: string): string | null {
  if (value.startsWith('-')) return 'must not begin with "-"';
  const bracketed = /^\[([^\]]*)\](?::([^:]*))?$/.exec(value);
  if (bracketed) {
    if (!bracketed[1].includes(':')) return 'brackets are only for IPv6 addresses';
    return hostProblem(bracketed[1]) ?? (bracketed[2] === undefined ? null : portProblem(bracketed[2]));
  }
  const colons = value.split(':').length - 1;
  if (colons >= 2) return hostProblem(value);
  const [host, port] = value.split(':');
  return hostProblem(host) ?? (port === undefined ? null : portProblem(port));
}

/**
 * An address as above, or an "http://" / "https://" URL to one (with a path), never with a
 * user name or password inside it and never another scheme.
 */
export function addressOrUrlProblem(value: string): string | null {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(value);
  if (!scheme) return addressProblem(value);
  if (!/^https?$/i.test(scheme[1])) return 'must be an http:// or https:// URL (or a host name or IP address)';
  const rest = value.slice(scheme[0].length);
  const authority = /^[^/?#]*/.exec(rest)![0];
  if (authority.includes('@')) return 'must not hold a user name or password: use the user and password fields';
  if (/[\s\\]/.test(rest)) return 'must not contain spaces or backslashes';
  return addressProblem(authority);
}
