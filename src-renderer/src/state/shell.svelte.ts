// The shell's own state: which view is open, the theme, the status line. The view lives in
// the location hash so a reload (or a restart of the window) reopens it.
import { createContext } from 'svelte';
import type { ConsoleClient } from '../../../src-shared/contract/client';
import { viewIds, type ViewId } from '../../../src-shared/views';
import { LINK_SCHEME, parseLinkPath, type ConsoleLink } from '../../../src-shared/fleet/links';

export type Theme = 'light' | 'dark';
export interface StatusLine { level: 'info' | 'warning' | 'error'; text: string; at: Date }

const THEME_KEY = 'maas-console.theme';

const viewFromHash = (hash: string): ViewId => {
  const id = hash.replace(/^#\/?/, '').split('/')[0];
  return (viewIds as readonly string[]).includes(id) ? (id as ViewId) : 'inventory';
};

export class Shell {
  view = $state<ViewId>(viewFromHash(location.hash));
  theme = $state<Theme>(Shell.initialTheme());
  status = $state<StatusLine | null>(null);
  helpOpen = $state(false);
  paletteOpen = $state(false);
  findOpen = $state(false);
  /** A node a link, the palette or find-anywhere asked for; its connection's inventory opens it. */
  pendingNode = $state<{ connectionId: string; systemId: string } | null>(null);
  /** A search a link asked for, taken by the view it names when it opens. */
  pendingQuery = $state<{ view: ViewId; connectionId?: string; query: string } | null>(null);
  /** 'electron' once known: links are then copied as maas-console://…, else as this page's address. */
  host = $state<'electron' | 'web'>('web');

  constructor(readonly client: ConsoleClient) {
    client.on('app.status', (s) => this.say(s.level, s.text));
    client.on('app.openLink', ({ path }) => this.openLinkPath(path));
    addEventListener('hashchange', () => this.#fromHash());
    this.#fromHash();
  }

  /** A link in the address (`#/node/…`, `#/fleet?q=…`) is followed; a plain `#/<view>` just opens it. */
  #fromHash() {
    const link = parseLinkPath(location.hash.replace(/^#\/?/, ''));
    if (link && (link.kind === 'node' || link.connectionId || link.query)) this.openLink(link);
    else this.view = viewFromHash(location.hash);
  }

  openLinkPath(path: string) {
    const link = parseLinkPath(path);
    if (link) this.openLink(link);
    else this.say('warning', 'That link is not one the console knows; nothing was opened.');
  }

  openLink(link: ConsoleLink) {
    if (link.kind === 'node') { void this.openNode(link.connectionId, link.systemId); return; }
    if (link.query) this.pendingQuery = { view: link.view, connectionId: link.connectionId, query: link.query };
    if (link.connectionId) void this.client.call('connections.switch', { id: link.connectionId });
    this.open(link.view);
  }

  /** Opens a node in its own connection's inventory, switching connection when needed. */
  async openNode(connectionId: string, systemId: string) {
    this.pendingNode = { connectionId, systemId };
    const r = await this.client.call('connections.switch', { id: connectionId });
    if (!r.ok) { this.pendingNode = null; this.say('error', `Could not open that node: ${r.error.message}`); return; }
    this.open('inventory');
  }

  /** Copies a link to `path` (see src-shared/fleet/links.ts) in the form this host opens. */
  async copyLink(path: string) {
    const url = this.host === 'electron' ? `${LINK_SCHEME}://${path}` : `${location.origin}${location.pathname}${location.search}#/${path}`;
    try {
      await navigator.clipboard.writeText(url);
      this.say('info', `Link copied: ${url.replace(/token=[^&#]+/, 'token=…')}`);
    } catch {
      this.say('warning', `Could not copy; the link is ${url}`);
    }
  }

  static initialTheme(): Theme {
    const saved = localStorage.getItem(THEME_KEY);
    if (saved === 'light' || saved === 'dark') return saved;
    return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  open(view: ViewId) {
    this.view = view;
    if (location.hash !== `#/${view}`) history.replaceState(null, '', `#/${view}`);
  }

  /** Moves to the next (+1) or previous (-1) view, wrapping. */
  step(by: 1 | -1) {
    const i = viewIds.indexOf(this.view);
    this.open(viewIds[(i + by + viewIds.length) % viewIds.length]);
  }

  toggleTheme() {
    this.theme = this.theme === 'dark' ? 'light' : 'dark';
    localStorage.setItem(THEME_KEY, this.theme);
  }

  say(level: StatusLine['level'], text: string) {
    this.status = { level, text, at: new Date() };
  }
}

export const [getShell, setShell] = createContext<Shell>();
