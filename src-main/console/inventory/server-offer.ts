// inventory.offer: what a server offers, read from the server each time the menu or a form
// needs it (a server upgraded meanwhile is seen at once), with each bulk action's standing.
// The runner checks the same before sending, so an action a server is too old for is refused
// up front with the reason, not node by node.
import { ConsoleFailure } from '../../../src-shared/contract/errors';
import type { InventoryOffer } from '../../../src-shared/contract/inventory';
import type { ServerOffer } from '../../../src-shared/contract/maas-types';
import { actionOffer } from '../../../src-shared/inventory/action-offer';
import { bulkActions, bulkActionInfo, type BulkAction } from '../../../src-shared/inventory/bulk-actions';
import type { InventoryClient } from './inventory-client';

/** A server's offer with each bulk action's standing. */
export function withActions(offer: ServerOffer): InventoryOffer {
  return { ...offer, actions: Object.fromEntries(bulkActions.map((a) => [a, actionOffer(a, offer)])) };
}

/** Throws, naming the server's release, when it does not offer `action`. */
export async function requireOffered(client: InventoryClient, action: BulkAction): Promise<void> {
  // API 1.0 servers' own set needs no reading of the server.
  const offer = client.apiVersion === '1.0' ? { apiVersion: client.apiVersion, version: null, machineOps: null, pools: [] } : await client.serverOffer();
  const o = actionOffer(action, offer);
  if (!o.offered) throw new ConsoleFailure('bad-input', `${bulkActionInfo[action].label.replace('…', '')} is not offered by ${client.label}: ${o.why}.`);
}
