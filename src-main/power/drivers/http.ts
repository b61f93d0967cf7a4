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
  /** Where the answer came from: the asked URL, or where a same-host redirect led. */
  url: URL;
}

const maxRedirects = 5;

/**
 * One request, with Basic credentials. Redirects are followed only within the same scheme,
 * host and port (a BMC answering 307 for a system name): the credentials never go to
 * another host. 307/308 keep the method and body; other redirects of a POST are refused.
 */
export async function httpCall(
  ctx: DriverContext,
  what: string,
  url: URL,
  init: { method?: 'GET' | 'POST' | 'PUT'; json?: unknown; user?: string; basicAuth?: boolean } = {},
): Promise<HttpReply> {
  const method = init.method ?? 'GET';
  let at = url;
  for (let hop = 0; ; hop++) {
    const res = await send(ctx, what, at, method, init);
    const location = res.statusCode >= 300 && res.statusCode < 400 ? res.headers.location : undefined;
    if (typeof location !== 'string') {
      const text = (await res.body.text()).slice(0, 1 << 20);
      if (res.statusCode === 401) throw new PowerError('auth', `${what} refused the user name or password (HTTP 401)`);
      if (res.statusCode === 403) throw new PowerError('privilege', `${what} accepted the user but refused ${method} ${at.pathname} (HTTP 403)`);
      if (res.statusCode >= 400) throw new PowerError('failed', `${what} answered HTTP ${res.statusCode} to ${method} ${at.pathname}`);
      return { status: res.statusCode, text, url: at };
    }
    await res.body.dump().catch(() => undefined);
    let next: URL;
    try {
      next = new URL(location, at);
    } catch {
      throw new PowerError('protocol', `${what} redirected ${at.pathname} to something that is not a URL`);
    }
    if (next.origin !== at.origin) throw new PowerError('protocol', `${what} redirected ${at.pathname} to another host (${next.origin}): not followed, the credentials stay with the BMC`);
    if (method !== 'GET' && res.statusCode !== 307 && res.statusCode !== 308) throw new PowerError('protocol', `${what} answered ${method} ${at.pathname} with HTTP ${res.statusCode}: only 307/308 redirect a ${method}`);
    if (hop + 1 >= maxRedirects) throw new PowerError('protocol', `${what} redirected more than ${maxRedirects} times from ${url.pathname}`);
    at = next;
  }
}

async function send(ctx: DriverContext, what: string, url: URL, method: 'GET' | 'POST' | 'PUT', init: { json?: unknown; user?: string; basicAuth?: boolean }) {
  const user = init.user ?? ctx.params.power_user ?? '';
  const headers: Record<string, string> = { accept: 'application/json, text/html;q=0.9, */*;q=0.5' };
  // Pre-emptive Basic, as MAAS's `wget --auth-no-challenge` and requests' auth= sent it.
  if (init.basicAuth !== false) headers.authorization = `Basic ${Buffer.from(`${user}:${secret(ctx.params)}`).toString('base64')}`;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  try {
    return await request(url, {
      method,
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
    if (/TIMEOUT/.test(code)) throw new PowerError('timeout', `${what} did not answer in time`, code);
    throw new PowerError('unreachable', `no answer from ${what} at ${url.host}`, code || (e as Error).message);
  }
}
