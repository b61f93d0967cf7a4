// MAAS's own words for its refusals, as its source writes them (canonical/maas, paths under
// src/maasserver/). The console shows these to the technician and must never put words of
// its own in their place, so the replay server answers with exactly these.
import { statusNameOf } from './machine';

export const texts = {
  /** api/support.py, OAuth: a wrong or unknown token. */
  badToken: (key: string) => `Authorization Error: 'Invalid access token: ${key}'`,
  /** api/nodes.py `_check_system_ids_exist` (2.x/3.x: "machine(s)"; 1.x: "node(s)"). */
  unknownIds: (api2: boolean, ids: string[]) => `Unknown ${api2 ? 'machine' : 'node'}(s): ${ids.join(', ')}.`,
  /** get_object_or_404 in 3.x's machine handler. */
  noMachine: 'No Machine matches the given query.',
  /** models/node.py `accept_enlistment`. */
  cannotAccept: (id: string, status: number) => `Cannot accept node enlistment: node ${id} is in state ${statusNameOf(status)}.`,
  /** api/machines.py bulk `release`. */
  cannotReleaseMany: (api2: boolean, failed: string[]) =>
    `${api2 ? 'Machine' : 'Node'}(s) cannot be released in their current state: ${failed.join(', ')}.`,
  /** models/node.py `abort_operation`. */
  cannotAbort: (id: string, status: number) => `Cannot abort in current state: node ${id} is in state ${statusNameOf(status)}.`,
  /** forms/ephemeral.py ScriptForm.clean: 400 with the form's errors under __all__. */
  notAvailable: (display: 'Commission' | 'Test') => `${display} is not available because of the current state of the node.`,
  /** Django's MultipleChoiceField for an unknown script name (form error of the field). */
  badChoice: (value: string) => `Select a valid choice. ${value} is not one of the available choices.`,
  /** api/machines.py `deploy`. */
  cannotDeploy: (status: number) => `Can't deploy a machine that is in the '${statusNameOf(status)}' state`,
  /** models/node.py `lock` / api/machines.py `lock`, `unlock`. */
  lockNotDeployed: "Can't lock, node is not deployed or deploying",
  alreadyLocked: 'Machine is already locked',
  notLocked: 'Machine is not locked',
  /** models/node.py `mark_fixed`. */
  markFixedNotBroken: "Can't mark a non-broken node as 'Ready'.",
  /** models/node.py `clean_status`: any status change outside NODE_TRANSITIONS. */
  invalidTransition: (from: number, to: number) => `Invalid transition: ${statusNameOf(from)} -> ${statusNameOf(to)}.`,
  /** api/machines.py `allocate` (NodesNotAvailable) for a machine asked for by system_id. */
  notAvailableById: (id: string) => `No available machine matches constraints: [('system_id', ['${id}'])] (resolved to "system_id=${id}")`,
  /** forms: compose_invalid_choice_text. */
  invalidChoice: (what: string, value: string, valid: string[]) =>
    `'${value}' is not a valid ${what}.  It should be one of: ${valid.map((v) => `'${v}'`).join(', ')}.`,
  /**
   * A MAAS 2.x/3.x server asked under api/1.0/: 410 Gone in plain text (MAAS's API
   * documentation: "Accessing an old or unknown API version URL will result in a 410 GONE
   * being returned, along with a descriptive error message"). The exact sentence was not
   * established from MAAS's source; clients must go by the status.
   */
  apiGone: 'The 1.0 API is no longer available. Use API version 2.0.',
};
