// The one place use-cases are wired to their collaborators, by hand. Both hosts (Electron
// main and the web host) call this; each area adds its handler group here.
import type { Emit, Handlers } from '../ipc/dispatcher';
import { ConsoleFailure } from '../../src-shared/contract/errors';
import { appHandlers, type AppDeps } from './app-handlers';
import { eventsHandlers } from './events/handlers';
import { tagsArea } from './tags/tags-handlers';
import { createInventory } from './inventory/index';

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
  // Until connections/ is wired here, no connection id is known to the event use-cases.
  const noConnection = (id: string): never => { throw new ConsoleFailure('not-found', `There is no connection with id ${id}.`); };
  const events = eventsHandlers({ clientFor: async (id) => noConnection(id), connectionOf: noConnection, emit: d.emit });
  closers.push(events.close);
  const tags = tagsArea({ dataDir: d.dataDir, emit: d.emit, clientFor: async (id) => noConnection(id) });
  closers.push(() => tags.close());
  const inventory = createInventory({ dataDir: d.dataDir, clientFor: async (id) => noConnection(id), emit: d.emit });
  closers.push(inventory.close);
  const handlers: Handlers = {
    ...appHandlers(d),
    ...events.handlers,
    ...tags.handlers,
    ...inventory.handlers,
  };
  return {
    handlers,
    close: async () => { for (const c of closers.reverse()) await c(); },
  };
}
