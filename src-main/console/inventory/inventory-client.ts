// The part of a MaasClient (maas-client/client.ts) the inventory uses, kept narrow so tests
// can hand in fakes. A type-only view of the one client interface, so the two never drift.
import type { MaasClient } from '../../maas-client/index';

export type InventoryClient = Pick<MaasClient, 'apiVersion' | 'label'
  | 'listNodes' | 'getNode' | 'details' | 'powerParameters'
  | 'acceptNodes' | 'acceptAllNodes' | 'releaseNodes' | 'commissionNode' | 'startNode' | 'stopNode' | 'queryPowerState'
  | 'markBroken' | 'markFixed' | 'setZone' | 'deleteNode' | 'updateNode'
  | 'listTags' | 'createTag' | 'updateTagNodes' | 'listZones' | 'queryEvents'
  | 'scriptRuns' | 'scriptOutput'
  | 'serverOffer' | 'allocateMachine' | 'deployMachine' | 'commissionMachine' | 'testMachine' | 'machineOp' | 'setPool'>;

/** The client of a connection (throws ConsoleFailure not-found for an unknown id). */
export type ClientFor = (connectionId: string) => Promise<InventoryClient>;
