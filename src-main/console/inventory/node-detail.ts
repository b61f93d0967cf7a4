// A node's detail: the node as the server has it now, a hardware summary from its lshw, its
// power parameters with secrets masked (they never reach the renderer), and recent events.
// Parts that fail say why and the rest still shows.
import type { NodeDetailView } from '../../../src-shared/contract/inventory';
import { summariseLshw } from './lshw-summary';
import type { ClientFor } from './inventory-client';
import type { NodeLists } from './node-lists';

/** Power parameter names whose values are secrets (BMC passwords, SNMP communities, keys). */
const SECRET = /pass|secret|community|token|key|cred|priv/i;
export const MASK = '••••••';

export function maskPowerParameters(params: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) out[k] = SECRET.test(k) ? (v === '' || v == null ? '' : MASK) : String(v ?? '');
  return out;
}

const why = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function nodeDetail(d: { clientFor: ClientFor; lists: NodeLists }, connectionId: string, systemId: string): Promise<NodeDetailView> {
  const client = await d.clientFor(connectionId);
  const node = await client.getNode(systemId);
  d.lists.upsert(connectionId, [node]);
  const [details, params, events] = await Promise.allSettled([
    client.details(systemId),
    client.powerParameters(systemId),
    client.queryEvents({ systemId: [systemId], limit: 25, level: 'DEBUG' }),
  ]);
  let hardware: NodeDetailView['hardware'] = null;
  let lshwBytes = 0;
  if (details.status === 'fulfilled' && details.value.lshw) {
    lshwBytes = Buffer.byteLength(details.value.lshw);
    try { hardware = summariseLshw(details.value.lshw); } catch { hardware = null; }
  }
  return {
    node, hardware, lshwBytes,
    powerParameters: params.status === 'fulfilled' ? maskPowerParameters(params.value) : null,
    powerParametersProblem: params.status === 'rejected' ? why(params.reason) : null,
    events: events.status === 'fulfilled' ? events.value.events : [],
    eventsProblem: events.status === 'rejected' ? why(events.reason) : null,
  };
}

export async function rawLshw(d: { clientFor: ClientFor }, connectionId: string, systemId: string): Promise<{ xml: string | null }> {
  return { xml: (await (await d.clientFor(connectionId)).details(systemId)).lshw };
}
