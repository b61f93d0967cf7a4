// The shell's own state: which view is open, the theme, the status line. The view lives in
// the location hash so a reload (or a restart of the window) reopens it.
import { createContext } from 'svelte';
import type { ConsoleClient } from '../../../src-shared/contract/client';
import { viewIds, type ViewId } from '../../../src-shared/views';

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

  constructor(readonly client: ConsoleClient) {
    client.on('app.status', (s) => this.say(s.level, s.text));
    addEventListener('hashchange', () => (this.view = viewFromHash(location.hash)));
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
