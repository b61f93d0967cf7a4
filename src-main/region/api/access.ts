// Who may do what, as MAAS 1.8's NODE_PERMISSION: admins everything; others view unowned
// nodes and their own, edit only their own.
import { forbidden, notFound, unauthorized } from '../http/errors';
import type { Ctx } from '../http/context';
import type { NodeRow } from '../stores/nodes-store';
import type { User } from '../stores/users-store';

export function userOf(ctx: Ctx): User {
  if (!ctx.user) throw unauthorized('Authentication required: sign the request with an API key (OAuth 1.0a).');
  return ctx.user;
}

export function requireAdmin(ctx: Ctx, what = 'This operation'): User {
  const u = userOf(ctx);
  if (!u.isSuperuser) throw forbidden(`${what} is reserved to admin users.`);
  return u;
}

export const canView = (u: User, n: NodeRow): boolean => u.isSuperuser || n.owner_id === null || n.owner_id === u.id;
export const canEdit = (u: User, n: NodeRow): boolean => u.isSuperuser || n.owner_id === u.id;

export type Perm = 'view' | 'edit' | 'admin';

/** The node if it exists (404 otherwise) and `u` has `perm` on it (403 otherwise). */
export function checkNode(u: User, n: NodeRow | undefined, perm: Perm, what = 'Node'): NodeRow {
  if (!n) throw notFound(what);
  if (!canView(u, n)) throw forbidden(`You do not have permission to view ${n.system_id}.`);
  if (perm === 'edit' && !canEdit(u, n)) throw forbidden(`You do not have permission to change ${n.hostname} (${n.system_id}).`);
  if (perm === 'admin' && !u.isSuperuser) throw forbidden('This operation is reserved to admin users.');
  return n;
}
