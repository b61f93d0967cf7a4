// Reading form fields the way MAAS's Django forms did: a field is changed only when sent;
// every problem is a 400 naming the field, with the body MAAS 1.8 sent for an invalid form
// (maasserver/middleware.py ExceptionMiddleware: a ValidationError with a message_dict became
// 400 application/json {"field": ["message", ...]}), which MAAS clients parse as JSON.
import { RegionError, type FieldErrors } from '../http/errors';
import { clip, type Params } from '../http/params';
import { formatIp, maskPrefix, parseIp, type Ip } from '../net/ip';

/** A 400 for one invalid field: `{"<name>": ["<message>"]}`. */
export const fieldError = (name: string, message: string): RegionError => formErrors({ [name]: [message] });

/** A 400 for a whole form's errors at once (several fields, several messages each). */
export function formErrors(errors: FieldErrors): RegionError {
  const text = Object.entries(errors).map(([f, ms]) => `${f}: ${ms.join(' ')}`).join('; ');
  return new RegionError('bad-request', text, errors);
}

/** The trimmed value when sent (possibly ""), else undefined; at most `max` characters. */
export function field(p: Params, name: string, max = 1000): string | undefined {
  const v = p.get(name);
  if (v === undefined) return undefined;
  if (v.length > max) throw fieldError(name, `at most ${max} characters.`);
  return v.trim();
}

export function requiredField(p: Params, name: string, max = 1000): string {
  const v = field(p, name, max);
  if (!v) throw fieldError(name, 'This field is required.');
  return v;
}

/** An IP address in canonical text ("" stays ""). */
export function ipText(name: string, value: string): string {
  if (value === '') return '';
  const ip = parseIp(value);
  if (!ip) throw fieldError(name, `"${clip(value)}" is not a valid IP address.`);
  return formatIp(ip);
}

export function ipOf(name: string, value: string): Ip {
  const ip = parseIp(value);
  if (!ip) throw fieldError(name, `"${clip(value)}" is not a valid IP address.`);
  return ip;
}

/** A netmask's prefix length; it must be contiguous and of the address family given. */
export function maskOf(name: string, value: string, family: 4 | 6): number {
  const m = ipOf(name, value);
  const prefix = maskPrefix(m);
  if (m.family !== family || prefix === null) throw fieldError(name, `"${clip(value)}" is not a valid IPv${family} netmask.`);
  return prefix;
}

/** A repeated or comma/space separated list parameter. */
export function listField(p: Params, name: string): string[] | undefined {
  if (!p.has(name)) return undefined;
  return p.all(name).flatMap((v) => v.split(/[,\s]+/)).filter(Boolean);
}
