// Edit one node's hostname and power (MAAS `PUT nodes/{id}/` with hostname, power_type and
// power_parameters_{name}; `machines/{id}/` on API 2.0 — the client picks). A secret the
// renderer sends back as MASK is the server's own, read here and sent again, so the node
// keeps it whether the server merges the parameters or replaces them.
import type { EditNodeOutcome, EditNodeRequest } from '../../../src-shared/contract/inventory';
import { powerFormFields } from '../../../src-shared/inventory/power-secrets';
import type { ClientFor } from './inventory-client';
import type { NodeLists } from './node-lists';

export async function editNode(d: { clientFor: ClientFor; lists: NodeLists }, req: EditNodeRequest): Promise<EditNodeOutcome> {
  const c = await d.clientFor(req.connectionId);
  const fields: Record<string, string> = {};
  if (req.hostname !== undefined) fields.hostname = req.hostname;
  if (req.power) {
    const [node, params] = await Promise.all([c.getNode(req.systemId), c.powerParameters(req.systemId).catch(() => null)]);
    Object.assign(fields, powerFormFields(req.power, { type: node.powerType, parameters: params }));
  }
  const node = await c.updateNode(req.systemId, fields);
  d.lists.upsert(req.connectionId, [node]);
  const what = [req.hostname !== undefined ? 'hostname' : '', req.power ? 'power' : ''].filter(Boolean).join(' and ');
  return { state: 'done', node, message: `${node.hostname}: ${what} saved on the server` };
}
