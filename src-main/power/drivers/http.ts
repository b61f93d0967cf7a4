// HTTP to PDUs and BMCs (dli, redfish) through undici, with the failures mapped to power
// error kinds. BMCs and PDUs ship self-signed certificates that nobody can renew, so —
// as MAAS does (requests with verify=False) — TLS is not verified for them.
import { Agent, request } from 'undici';
import type { DriverContext } from '../driver';
import { PowerError } from '../types';
import { hostPort, joinHostPort, need, secret } from './params';

export const insecure = new Agent({ connect: { rejectUnauthorized: false }, keepAliveTimeout: 1000 });

/** "host", "host:port" or "http(s)://host[:port][/path]" → a base URL (no credentials). */
export function baseUrl(params: Record<string, string>, defaultScheme: 'http' | 'https'): URL {
  const raw = need(params, 'power_address', 'address');
  let url: URL;
  if (/^https?:\/\//i.test(raw)) {
    try {
      url = new URL(raw);
    } catch {
      throw new PowerError('bad-parameters', 'power parameter power_address is not a valid URL');
    }
    if (url.username || url.password) throw new PowerError('bad-parameters', 'power parameter power_address must not hold credentials: use power_user and power_pass');
  } else {
    url = new URL(`${defaultScheme}://${joinHostPort(hostPort(params))}/`);
  }
  return url;
}

export interface HttpReply {
  status: number;
  text: string;
}

export async function httpCall(
  ctx: DriverContext,
  what: string,
  url: URL,
  init: { method?: 'GET' | 'POST'; json?: unknown; user?: string } = {},
): Promise<HttpReply> {
  const user = init.user ?? ctx.params.power_user ?? '';
  const headers: Record<string, string> = {
    // Pre-emptive Basic, as MAAS's `wget --auth-no-challenge` and requests' auth= sent it.
    authorization: `Basic ${Buffer.from(`${user}:${secret(ctx.params)}`).toString('base64')}`,
    accept: 'application/json, text/html;q=0.9, */*;q=0.5',
  };
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  let res;
  try {
    res = await request(url, {
      method: init.method ?? 'GET',
      headers,
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
      dispatcher: url.protocol === 'https:' ? insecure : undefined,
      signal: ctx.signal,
      headersTimeout: ctx.timeoutMs,
      bodyTimeout: ctx.timeoutMs,
    });
  } catch (e) {
    if (ctx.signal.aborted && ctx.signal.reason instanceof PowerError) throw ctx.signal.reason;
    const code = (e as { code?: string }).code ?? '';
    if (/TIMEOUT/.test(code)) throw new PowerError('timeout', `${what} did not answer in time`);
    throw new PowerError('unreachable', `no answer from ${what} at ${url.host} (${code || (e as Error).message})`);
  }
  const text = (await res.body.text()).slice(0, 1 << 20);
  if (res.statusCode === 401 || res.statusCode === 403) throw new PowerError('auth', `${what} refused the user name or password (HTTP ${res.statusCode})`);
  if (res.statusCode >= 400) throw new PowerError('failed', `${what} answered HTTP ${res.statusCode} to ${init.method ?? 'GET'} ${url.pathname}`);
  return { status: res.statusCode, text };
}
