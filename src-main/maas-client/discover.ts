// Which API a server speaks, found when a connection is added: MAAS 2.x/3.x answer
// `/MAAS/api/2.0/version/`, MAAS 1.x and the embedded region `/MAAS/api/1.0/version/`
// (with `describe/` as the older fallback). Users paste all sorts of URLs: the MAAS root,
// the host alone, or an API URL copied from the CLI (`…/MAAS/api/2.0/`).
import type { ApiVersion, MaasVersionInfo } from '../../src-shared/maas/maas-types';
import { InvalidMaasUrlError, MaasMalformedAnswerError, NoMaasApiError, statusOf } from './errors';
import { versionShape } from './answer-shapes';
import { MaasTransport } from './transport';
import type { TlsTrust } from './tls-trust';

export interface Discovered extends MaasVersionInfo {
  /** The MAAS root, e.g. http://host:5240/MAAS/ (trailing slash). */
  root: string;
}

export interface DiscoverOptions {
  tls?: TlsTrust;
  timeoutMs?: number;
  retries?: number;
  sleep?: (ms: number) => Promise<void>;
}

export function parseMaasUrl(raw: string): { roots: string[]; preferred: ApiVersion | null } {
  const text = raw.trim();
  // A bare host or host:port (as technicians type it) means http, MAAS's default; without a
  // port MAAS's own 5240 is tried after port 80.
  const bare = !/^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  let u: URL;
  try { u = new URL(bare ? `http://${text}` : text); } catch {
    throw new InvalidMaasUrlError(`"${raw.slice(0, 200)}" is not a URL; write it like http://maas.example:5240/MAAS/`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new InvalidMaasUrlError(`A MAAS URL starts with http:// or https://, not ${u.protocol}//`);
  }
  if (u.username || u.password) throw new InvalidMaasUrlError('Put no user name or password in the URL; the API key authenticates.');
  u.search = ''; u.hash = '';
  const api = /^(.*\/)api\/(1\.0|2\.0)\/?$/.exec(u.pathname);
  if (api) { u.pathname = api[1]; return { roots: [u.toString()], preferred: api[2] as ApiVersion }; }
  if (!u.pathname.endsWith('/')) u.pathname += '/';
  const roots = [u.toString()];
  if (!/\/MAAS\/$/.test(u.pathname)) roots.push(new URL('MAAS/', u).toString());
  if (bare && u.port === '' && u.pathname === '/') { u.port = '5240'; roots.push(new URL('MAAS/', u).toString()); }
  return { roots, preferred: null };
}

export const apiRootOf = (root: string, api: ApiVersion): string => `${root}api/${api}/`;

async function probe(root: string, api: ApiVersion, path: string, o: DiscoverOptions): Promise<{ version?: string | null; capabilities?: string[] | null } | null> {
  const t = new MaasTransport({ apiRoot: apiRootOf(root, api), credentials: null, label: root, tls: o.tls,
    timeoutMs: o.timeoutMs ?? 10_000, retries: o.retries ?? 1, sleep: o.sleep });
  try {
    // describe/ (API 1.0's fallback) has no version fields; checked as version/ is, it passes as an object.
    const v = path === 'describe/' ? await t.read({ method: 'GET', path, answer: 'describe' }, 'version', api)
      : await t.json({ method: 'GET', path }, versionShape);
    return v ?? {};
  } catch (e) {
    // Not this API here (404, or a web page answering 200 with HTML): try the next place.
    if (statusOf(e) === 404 || statusOf(e) === 405 || (e instanceof MaasMalformedAnswerError && e.status < 300)) return null;
    throw e;
  } finally {
    await t.close();
  }
}

export async function discoverApi(url: string, o: DiscoverOptions = {}): Promise<Discovered> {
  const { roots, preferred } = parseMaasUrl(url);
  const order: ApiVersion[] = preferred ? [preferred] : ['2.0', '1.0'];
  for (const root of roots) {
    for (const api of order) {
      const v = await probe(root, api, 'version/', o) ?? (api === '1.0' ? await probe(root, api, 'describe/', o) : null);
      if (v) {
        return {
          root, apiVersion: api,
          version: v.version ?? null,
          capabilities: v.capabilities ?? [],
        };
      }
    }
  }
  throw new NoMaasApiError(
    `No MAAS API answered at ${roots.join(' or ')} (tried api/2.0/version/ and api/1.0/version/). Check the URL: it usually ends in /MAAS/.`);
}
