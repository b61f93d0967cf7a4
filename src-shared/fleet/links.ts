// Links to a node or a filtered view, the same path in both hosts: `maas-console://node/
// local/4y3h7n` in the app (the OS hands it to the running console) and `…/#/node/local/
// 4y3h7n` in the browser host. Parsing is strict: a link comes from outside (another program,
// a chat message), so anything but the shapes below is refused rather than guessed at.
import { viewIds, type ViewId } from '../views';

export const LINK_SCHEME = 'maas-console';

export type ConsoleLink =
  | { kind: 'node'; connectionId: string; systemId: string }
  | { kind: 'view'; view: ViewId; connectionId?: string; query?: string };

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const MAX_QUERY = 2000;

/** The path both hosts share: `node/<connection>/<system id>` or `<view>[?connection=…&q=…]`. */
export function linkPath(link: ConsoleLink): string {
  if (link.kind === 'node') return `node/${encodeURIComponent(link.connectionId)}/${encodeURIComponent(link.systemId)}`;
  const params = new URLSearchParams();
  if (link.connectionId) params.set('connection', link.connectionId);
  if (link.query) params.set('q', link.query);
  const qs = params.toString();
  return qs ? `${link.view}?${qs}` : link.view;
}

export const appLink = (link: ConsoleLink): string => `${LINK_SCHEME}://${linkPath(link)}`;

/** Reads a path as `linkPath` writes it (no scheme, no leading `#/`); null when it is not one. */
export function parseLinkPath(path: string): ConsoleLink | null {
  if (path.length > 4096) return null;
  const [head, qs = ''] = path.replace(/^\/+/, '').split('?', 2);
  const parts = head.split('/').filter(Boolean);
  let decoded: string[];
  try { decoded = parts.map(decodeURIComponent); } catch { return null; }
  if (decoded[0] === 'node') {
    const [, connectionId, systemId] = decoded;
    if (decoded.length !== 3 || !ID.test(connectionId) || !ID.test(systemId)) return null;
    return { kind: 'node', connectionId, systemId };
  }
  if (decoded.length !== 1 || !(viewIds as readonly string[]).includes(decoded[0])) return null;
  const params = new URLSearchParams(qs);
  const connectionId = params.get('connection') ?? undefined;
  const query = params.get('q') ?? undefined;
  if (connectionId !== undefined && !ID.test(connectionId)) return null;
  if (query !== undefined && query.length > MAX_QUERY) return null;
  return { kind: 'view', view: decoded[0] as ViewId, ...(connectionId ? { connectionId } : {}), ...(query ? { query } : {}) };
}

/** Reads `maas-console://…`; null for any other scheme or shape. */
export function parseAppLink(url: string): ConsoleLink | null {
  const prefix = `${LINK_SCHEME}://`;
  if (typeof url !== 'string' || !url.toLowerCase().startsWith(prefix)) return null;
  return parseLinkPath(url.slice(prefix.length));
}
