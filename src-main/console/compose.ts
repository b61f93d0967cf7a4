// The one place use-cases are wired to their collaborators, by hand. Both hosts (Electron
// main and the web host) call this; each area adds its handler group here.
import type { Emit, Handlers } from '../ipc/dispatcher';
import { appHandlers, type AppDeps } from './app-handlers';

export interface ConsoleDeps extends AppDeps {
  /** Where the app keeps its settings database and caches. */
  dataDir: string;
  emit: Emit;
}

export interface ComposedConsole {
  handlers: Handlers;
  close(): Promise<void>;
}

export async function composeConsole(d: ConsoleDeps): Promise<ComposedConsole> {
  const closers: (() => Promise<void> | void)[] = [];
  const handlers: Handlers = {
    ...appHandlers(d),
  };
  return {
    handlers,
    close: async () => { for (const c of closers.reverse()) await c(); },
  };
}
