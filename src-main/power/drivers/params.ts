// Reading power parameters safely: a missing one is `bad-parameters` naming it, and a value
// that a tool could take for an option (leading "-") or that carries control characters is
// refused, because parameters come from the API and end up in argument arrays.
import { PowerError } from '../types';

export function need(params: Record<string, string>, name: string, what = name): string {
  const v = (params[name] ?? '').trim();
  if (!v) throw new PowerError('bad-parameters', `power parameter ${name} (${what}) is missing`);
  return checked(name, v);
}

export function optional(params: Record<string, string>, name: string, fallback = ''): string {
  const v = (params[name] ?? '').trim();
  return v ? checked(name, v) : fallback;
}

/** Passwords are taken as they are (spaces included) but never checked into a message. */
export function secret(params: Record<string, string>, name = 'power_pass'): string {
  return params[name] ?? '';
}

function checked(name: string, v: string): string {
  if (v.startsWith('-') || /[\u0000-\u001f\u007f]/.test(v)) throw new PowerError('bad-parameters', `power parameter ${name} has a value that is not allowed`);
  return v;
}

export interface HostPort {
  host: string;
  port?: number;
}

/**
 * "10.0.0.5", "bmc1.lab", "10.0.0.5:623", "[fe80::1]:623" or a bare IPv6 address. A port is
 * an extension of ours (MAAS took plain addresses): it lets one laptop reach simulators and
 * port-forwarded BMCs.
 */
export function hostPort(params: Record<string, string>, name = 'power_address'): HostPort {
  const raw = need(params, name, 'address');
  const bracketed = /^\[([0-9a-fA-F:.%a-zA-Z0-9]+)\](?::(\d{1,5}))?$/.exec(raw);
  const plain = /^([A-Za-z0-9._-]+)(?::(\d{1,5}))?$/.exec(raw);
  const v6 = /^[0-9a-fA-F:]+$/.test(raw) && raw.includes('::') ? raw : undefined;
  const m = bracketed ?? plain;
  if (v6) return { host: v6 };
  if (!m) throw new PowerError('bad-parameters', `power parameter ${name} is not a host name or IP address (optionally with :port)`);
  const port = m[2] === undefined ? undefined : Number(m[2]);
  if (port !== undefined && (port < 1 || port > 65535)) throw new PowerError('bad-parameters', `power parameter ${name} has a port out of range`);
  return { host: m[1], port };
}

/** "host" or "host:port" (IPv6 bracketed) for tools that take both in one argument. */
export function joinHostPort(hp: HostPort): string {
  const h = hp.host.includes(':') ? `[${hp.host}]` : hp.host;
  return hp.port === undefined ? h : `${h}:${hp.port}`;
}

/** A key that names one BMC whatever way its address was written. */
export function addressKey(hp: HostPort, defaultPort: number): string {
  return `${hp.host.toLowerCase()}:${hp.port ?? defaultPort}`;
}

export function macAddress(params: Record<string, string>, name = 'mac_address'): string {
  const v = need(params, name, 'MAC address').toLowerCase().replace(/-/g, ':');
  if (!/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/.test(v)) throw new PowerError('bad-parameters', `power parameter ${name} is not a MAC address (aa:bb:cc:dd:ee:ff)`);
  return v;
}
