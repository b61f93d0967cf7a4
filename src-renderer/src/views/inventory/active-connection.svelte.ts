// Stand-in until the shell's getActiveConnection() context lands on main: the active
// connection from `connections.list`, kept current by `connections.changed`.
import type { ConsoleClient } from '../../../../src-shared/contract/client';
import type { ConnectionView } from '../../../../src-shared/contract/connections';

export function useActiveConnection(client: ConsoleClient): { readonly current: ConnectionView | null } {
  let current = $state.raw<ConnectionView | null>(null);
  const pick = (list: ConnectionView[]) => { current = list.find((c) => c.active) ?? null; };
  client.on('connections.changed', pick);
  void client.call('connections.list', {}).then((r) => { if (r.ok) pick(r.value); });
  return { get current() { return current; } };
}
