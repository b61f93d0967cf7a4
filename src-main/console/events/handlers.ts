// The events channels, bound to their use-cases.
import type { HandlersFor } from '../../ipc/dispatcher';
import type { EventsDeps } from './deps';
import { exportEvents } from './export-events';
import { LiveTails } from './live-tail';
import { queryEventsAhead } from './query-events';
import { orKept } from '../snapshot/offline';
import { consoleClients } from '../maas-failure';
import { packEvents } from '../../../src-shared/events/event-wire';

export type EventsChannel = 'events.query' | 'events.follow' | 'events.unfollow' | 'events.renew' | 'events.export' | 'events.zones';

export function eventsHandlers(deps: EventsDeps): { handlers: HandlersFor<EventsChannel>; close(): void } {
  const d: EventsDeps = { ...deps, clientFor: consoleClients(deps.clientFor) };
  const tails = new LiveTails(d);
  const query = queryEventsAhead(d);
  return {
    handlers: {
      'events.query': async (r) => {
        const slice = await query(r);
        return r.packed ? { ...slice, events: [], packed: packEvents(slice.events) } : slice;
      },
      'events.follow': ({ connectionId, filter, after }) => ({ followId: tails.start(connectionId, filter, after) }),
      'events.unfollow': ({ followId }) => ({ stopped: tails.stop(followId) }),
      'events.renew': ({ followId }) => ({ renewed: tails.renew(followId) }),
      'events.export': exportEvents(d),
      'events.zones': async ({ connectionId }) => {
        const zones = await orKept(async () => (await d.clientFor(connectionId)).listZones(), () => d.snapshots?.part(connectionId, 'zones')?.items);
        return zones.map((z) => z.name).sort((a, b) => a.localeCompare(b));
      },
    },
    close: () => tails.stopAll(),
  };
}
