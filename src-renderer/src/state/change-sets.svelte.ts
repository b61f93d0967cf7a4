// Changes waiting per server, for the header's badge: read once, then kept current from
// every `changes.changed` main pushes. Which server's change set is open (the badge opens it).
import { createContext } from 'svelte';
import type { ConsoleClient } from '../../../src-shared/contract/client';
import type { PendingChanges } from '../../../src-shared/contract/change-sets';

export class ChangeSets {
  pending = $state.raw<PendingChanges[]>([]);
  /** The server whose change set is open in the dialog, or null. */
  open = $state<string | null>(null);

  constructor(private readonly client: ConsoleClient) {
    client.on('changes.changed', (c) => (this.pending = c.pending));
    void client.call('changes.pending', {}).then((r) => { if (r.ok) this.pending = r.value; });
  }

  waitingOn(connectionId: string): number {
    return this.pending.find((p) => p.connectionId === connectionId)?.waiting ?? 0;
  }
}

export const [getChangeSets, setChangeSets] = createContext<ChangeSets>();
