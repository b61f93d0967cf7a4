// Which connection the views work on. Main owns the truth (connections.switch); this mirrors
// it from `connections.list` and every `connections.changed` push, so every view agrees.
import { createContext } from 'svelte';
import type { ConsoleClient } from '../../../src-shared/contract/client';
import type { ConnectionView } from '../../../src-shared/contract/connections';

export class ActiveConnection {
  all = $state.raw<ConnectionView[]>([]);
  current = $derived(this.all.find((c) => c.active) ?? null);
  /** True once the first list has arrived (views can tell "none" from "not yet known"). */
  loaded = $state(false);
  error = $state<string | null>(null);

  constructor(private readonly client: ConsoleClient) {
    client.on('connections.changed', (list) => this.#take(list));
    void this.refresh();
  }

  get id(): string | null {
    return this.current?.id ?? null;
  }

  async refresh(): Promise<void> {
    const r = await this.client.call('connections.list', {});
    if (r.ok) this.#take(r.value);
    else this.error = r.error.message;
  }

  async switchTo(id: string): Promise<boolean> {
    const r = await this.client.call('connections.switch', { id });
    if (!r.ok) this.error = r.error.message;
    return r.ok;
  }

  #take(list: ConnectionView[]) {
    this.all = list;
    this.loaded = true;
    this.error = null;
  }
}

export const [getActiveConnection, setActiveConnection] = createContext<ActiveConnection>();
