// Who may talk to the region. The region's clients are programs (the console from Node, the
// maas CLI, python-libmaas, gomaasapi, requests-oauthlib scripts): none of them sends an
// Origin header. A web page open in the user's browser does — on every cross-origin POST,
// including the "simple" form posts a browser sends without asking — so any request carrying
// Origin is refused before its body is read. A page can also make its own name resolve to
// 127.0.0.1 (DNS rebinding); it then sends its own name in Host, so only the names this
// region is served under are answered.
import { isIP } from 'node:net';
import { RegionError } from './errors';

export const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

/** Is `host` (as given to listen) reachable only from this machine? */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || (isIP(h) === 4 && h.startsWith('127.'));
}

const asHostName = (h: string): string => {
  const bare = h.replace(/^\[|\]$/g, '').toLowerCase();
  return isIP(bare) === 6 ? `[${bare}]` : bare;
};

/**
 * The names a Host header may carry: on loopback 127.0.0.1, localhost and [::1]; bound to
 * another address that address and `extraNames` (what the user says the LAN calls this
 * machine); bound to every address (0.0.0.0, ::) the loopback names and `extraNames`.
 */
export function servedNames(bindHost: string, extraNames: readonly string[] = []): string[] {
  const own = WILDCARDS.has(bindHost) || isLoopbackHost(bindHost) ? LOOPBACK_NAMES : [asHostName(bindHost)];
  return [...new Set([...own, ...extraNames.map(asHostName)])];
}

export class RequestGuard {
  private allowed = new Set<string>();

  constructor(private readonly names: readonly string[]) {}

  /** Called once the port is known (port 0 picks one at listen time). */
  listening(port: number): void {
    this.allowed = new Set(this.names.flatMap((n) => (port === 80 ? [n, `${n}:80`] : [`${n}:${port}`])));
  }

  /** Throws the refusal for a request the region must not serve, before anything is read. */
  check(headers: { host?: string; origin?: string; 'sec-fetch-site'?: string | string[] }): void {
    const host = (headers.host ?? '').toLowerCase();
    if (!this.allowed.has(host)) {
      throw new RegionError('misdirected', `Refused: this region is not served under the name "${host.slice(0, 100)}" ` +
        `(it answers to ${[...this.allowed].join(', ')}). A web page that renamed itself to reach this machine is refused this way.`);
    }
    // Browsers mark every request from a page with Origin (POST, fetch) or Sec-Fetch-Site.
    const site = headers['sec-fetch-site'];
    if (headers.origin !== undefined || (site !== undefined && site !== 'none')) {
      throw new RegionError('forbidden', 'Refused: the request came from a web page (it carries an Origin header). ' +
        'The region serves MAAS API clients (the console, the maas CLI, python-libmaas, gomaasapi), never pages in a browser.');
    }
  }
}

export function plaintextWarning(bindHost: string): string | null {
  if (isLoopbackHost(bindHost)) return null;
  return `WARNING: listening on ${bindHost}, beyond this machine. Requests travel over plain HTTP: ` +
    'API keys (OAuth PLAINTEXT signatures carry the secret) and power passwords sent to the region can be read ' +
    'by anyone on the network path. Use it only on a network you trust, or keep the default 127.0.0.1.';
}
