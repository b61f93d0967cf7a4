// The one place use-cases are wired to their collaborators, by hand. Both hosts (Electron
// main and the web host) call this; each area adds its handler group here.
import type { Emit, Handlers } from '../ipc/dispatcher';
import { appHandlers, type AppDeps } from './app-handlers';
import { eventsHandlers } from './events/handlers';
import { tagsArea } from './tags/tags-handlers';
import { refuseInvalid } from './tags/tag-use-cases';
import { createInventory } from './inventory/index';
import type { ConnectionView } from '../../src-shared/contract/connections';
import { createConnections, type Keychain, type SpawnRegion } from '../connections/index';
import type { ConnectionService } from '../connections/connection-service';
import { connectionHandlers } from './connection-handlers';
import { fieldkitArea } from './fieldkit/handlers';
import { EMBEDDED_ID } from '../connections/index';
import { openSettingsDb } from '../connections/settings-db';
import { SnapshotStore } from './snapshot/snapshot-store';
import { NodeDetailsStore } from './details/node-details-store';
import { fleetHandlers, fleetServerNodes } from './fleet/fleet-handlers';
import { FleetTagPreviewer } from './fleet/fleet-tag-preview';

export interface ConsoleDeps extends AppDeps {
  /** Where the app keeps its settings database and caches. */
  dataDir: string;
  emit: Emit;
  /** Where API keys are kept: the OS keychain unless a host or test says otherwise. */
  keychain?: Keychain;
  /** Starts the embedded region ("This laptop"); without one it is listed as not running. */
  spawnRegion?: SpawnRegion;
  /** MAAS CLI profile files offered for import (default ~/.maascli.db, ~/.maas.db). */
  cliProfileFiles?: string[];
}

export interface ComposedConsole {
  handlers: Handlers;
  /** Profiles and a MaasClient per connection (`clientFor`) for the other areas' use-cases. */
  connections: ConnectionService;
  close(): Promise<void>;
}

const remoteUrls = (list: ConnectionView[]) => new Map(list.filter((c) => c.kind === 'remote').map((c) => [c.id, c.url]));

export async function composeConsole(d: ConsoleDeps): Promise<ComposedConsole> {
  const closers: (() => Promise<void> | void)[] = [];
  // Each remote connection's server, to notice one removed or pointed elsewhere (set once every area is up).
  let serverOf = new Map<string, string>();
  let forgetGone = (_list: ConnectionView[]): void => undefined;
  // One handle on the settings database for every area: profiles, snapshots, change sets, journals.
  let changeSetsSee = (_list: ConnectionView[]): void => undefined;
  const settingsDb = openSettingsDb(d.dataDir);
  closers.push(() => { settingsDb.close(); }); // first in, so closed after every area
  const connections = createConnections({
    // The browser host usually runs where there is no keychain: keys for the session only.
    sessionKeys: d.host === 'web' ? 'all' : 'embedded',
    warn: (line) => { console.warn(`maas-console: ${line}`); d.emit('app.status', { level: 'warning', text: line }); },
    dataDir: d.dataDir, db: settingsDb, keychain: d.keychain, spawnRegion: d.spawnRegion, cliProfileFiles: d.cliProfileFiles,
    onChange: (list) => { forgetGone(list); d.emit('connections.changed', list); changeSetsSee(list); },
  });
  closers.push(() => connections.close());
  const direct = (id: string) => connections.service.clientFor(id);
  // Every node's details and detail as last shown, in one place for every area that reads them.
  const details = new NodeDetailsStore(settingsDb);
  // What each server last answered: the inventory's lists, events, zones and tags.
  const snapshots = new SnapshotStore(settingsDb, details);
  const fieldkit = fieldkitArea({ db: settingsDb, emit: d.emit, clientFor: direct, localId: EMBEDDED_ID, snapshots, details,
    keychain: connections.keychain, refuseBadDefinition: refuseInvalid,
    nameOf: (id) => connections.service.view(id).name,
    connections: () => connections.service.list(), recheck: (id) => connections.service.health(id),
    isOffline: (id) => { const v = connections.service.view(id); return v.kind === 'remote' && v.health === 'offline'; } });
  closers.push(fieldkit.close);
  // Remote connections' whole reads are written through to their offline snapshot.
  const clientFor = (id: string) => fieldkit.snapshotting(id, direct(id));
  const connectionOf = (id: string) => { const c = connections.service.view(id); return { name: c.name, kind: c.kind }; };
  const events = eventsHandlers({ clientFor, connectionOf, emit: d.emit, snapshots });
  closers.push(events.close);
  const tags = tagsArea({ dataDir: d.dataDir, db: settingsDb, details, emit: d.emit, clientFor });
  closers.push(() => tags.close());
  const inventory = createInventory({ dataDir: d.dataDir, clientFor, emit: d.emit, snapshots, details,
    recordUnreached: fieldkit.recordUnreached });
  closers.push(inventory.close);
  const fleetPreview = new FleetTagPreviewer({ details, servers: fleetServerNodes(() => connections.service.list(), inventory.lists), storeDir: d.dataDir });
  closers.push(() => fleetPreview.close());
  // A removed remote connection, or one pointed at another server, takes what was kept of it along.
  serverOf = remoteUrls(connections.service.list());
  forgetGone = (list) => {
    const now = remoteUrls(list);
    for (const [id, url] of serverOf) if (now.get(id) !== url) { inventory.lists.forget(id); tags.cache.forget(id); }
    // Its change set too, once it is removed (not when only its address changed).
    for (const id of serverOf.keys()) if (!now.has(id)) void fieldkit.forgetChanges(id).catch((e: Error) => console.warn(`maas-console: change set of a removed connection: ${e.message}`));
    serverOf = now;
  };
  // A server back with changes waiting is reviewed at once; one offline with changes is re-checked often.
  changeSetsSee = (list) => fieldkit.connectionsChanged(list);
  fieldkit.connectionsChanged(connections.service.list());
  const handlers: Handlers = {
    ...appHandlers(d),
    ...connectionHandlers(connections),
    ...events.handlers,
    ...tags.handlers,
    ...inventory.handlers,
    ...fieldkit.handlers,
    ...fleetHandlers({ connections: () => connections.service.list(), lists: inventory.lists, details, tagPreview: fleetPreview }),
    // Offline remote servers: actions recorded in their change set.
    'inventory.bulk': fieldkit.offlineBulk(inventory.handlers['inventory.bulk']),
    'inventory.editNode': fieldkit.offlineEdit(inventory.handlers['inventory.editNode']),
    'tags.create': fieldkit.offlineTagCreate(tags.handlers['tags.create']),
    'tags.update': fieldkit.offlineTagUpdate(tags.handlers['tags.update']),
    'tags.delete': fieldkit.offlineTagDelete(tags.handlers['tags.delete']),
  };
  return {
    handlers,
    connections: connections.service,
    close: async () => { for (const c of closers.reverse()) await c(); },
  };
}
