// users/, account/ (API tokens) and account/prefs/sshkeys/ (MAAS 1.8 UsersHandler,
// AccountHandler, SSHKeysHandler, SSHKeyHandler).
import type { Api1User } from '../../../src-shared/maas/index';
import { badRequest, forbidden, notFound } from '../http/errors';
import { json, noContent, type Ctx, type OpTable } from '../http/context';
import { clip } from '../http/params';
import type { RegionCore } from '../region-core';
import { fieldError } from './form';
import type { SshKeyRow } from '../stores/files-store';
import type { User } from '../stores/users-store';
import { requireAdmin, userOf } from './access';

const userJson = (u: User): Api1User => ({ username: u.username, email: u.email, is_superuser: u.isSuperuser });
const USERNAME = /^[\w.@+-]{1,150}$/;

export function usersOps(core: RegionCore): OpTable {
  return {
    GET: (ctx) => {
      userOf(ctx);
      return json(core.users.list().map(userJson));
    },
    POST: (ctx) => {
      requireAdmin(ctx, 'Creating users');
      const username = ctx.params.required('username');
      const email = ctx.params.required('email');
      const password = ctx.params.required('password');
      if (!USERNAME.test(username)) throw fieldError('username', `"${clip(username)}" may contain only letters, digits and @ . + - _.`);
      if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 254) throw fieldError('email', `"${clip(email)}" is not an email address.`);
      const isSuperuser = ctx.params.bool('is_superuser') ?? false;
      const u = core.tx(() => {
        if (core.users.byName(username)) throw fieldError('username', 'A user with that username already exists.');
        return core.users.create({ username, email, isSuperuser, password });
      });
      return json(userJson(u));
    },
  };
}

export function userOps(core: RegionCore): OpTable {
  const target = (ctx: Ctx) => {
    userOf(ctx);
    const u = core.users.byName(ctx.args[0]);
    if (!u) throw notFound(`User ${clip(ctx.args[0])}`);
    return u;
  };
  return {
    GET: (ctx) => json(userJson(target(ctx))),
    DELETE: (ctx) => {
      const me = requireAdmin(ctx, 'Deleting users');
      const u = target(ctx);
      if (u.id === me.id) throw badRequest('You cannot delete your own account.');
      core.tx(() => core.users.delete(u.id));
      return noContent();
    },
  };
}

export function accountOps(core: RegionCore): OpTable {
  return {
    'POST create_authorisation_token': (ctx) => {
      const u = userOf(ctx);
      return json(core.tx(() => core.users.createToken(u.id)));
    },
    'POST delete_authorisation_token': (ctx) => {
      const u = userOf(ctx);
      const key = ctx.params.required('token_key');
      if (!core.tx(() => core.users.deleteToken(u.id, key))) throw notFound(`Token ${clip(key)}`);
      return noContent();
    },
  };
}

const KEY_TYPES = ['ssh-rsa', 'ssh-dss', 'ssh-ed25519', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521',
  'sk-ssh-ed25519@openssh.com', 'sk-ecdsa-sha2-nistp256@openssh.com'];

/** An OpenSSH public key line whose base64 blob names the same key type. */
export function sshKeyProblem(key: string): string | null {
  const [type, blob] = key.trim().split(/\s+/);
  if (!type || !blob || !KEY_TYPES.includes(type) || !/^[A-Za-z0-9+/]+={0,2}$/.test(blob)) {
    return 'Invalid SSH public key: expected "<type> <base64> [comment]", e.g. "ssh-ed25519 AAAA… me@host".';
  }
  const raw = Buffer.from(blob, 'base64');
  const n = raw.length >= 4 ? raw.readUInt32BE(0) : -1;
  if (n < 0 || 4 + n > raw.length || raw.subarray(4, 4 + n).toString('latin1') !== type) {
    return 'Invalid SSH public key: the key data does not match its type.';
  }
  return null;
}

const keyJson = (k: SshKeyRow) => ({ id: k.id, key: k.key, resource_uri: `/MAAS/api/1.0/account/prefs/sshkeys/${k.id}/` });

export function sshKeysOps(core: RegionCore): OpTable {
  return {
    'GET list': (ctx) => json(core.sshKeys.list(userOf(ctx).id).map(keyJson)),
    'POST new': (ctx) => {
      const u = userOf(ctx);
      const key = (ctx.params.get('key') ?? '').trim();
      const problem = sshKeyProblem(key);
      if (problem) throw fieldError('key', problem);
      if (key.length > 16_384) throw fieldError('key', 'Invalid SSH public key: longer than 16384 characters.');
      return json(keyJson(core.tx(() => {
        if (core.sshKeys.list(u.id).some((k) => k.key === key)) throw fieldError('key', 'This key has already been added for this user.');
        return core.sshKeys.insert(u.id, key);
      })));
    },
  };
}

export function sshKeyOps(core: RegionCore): OpTable {
  const find = (ctx: Ctx, forDelete: boolean) => {
    const u = userOf(ctx);
    const id = /^\d+$/.test(ctx.args[0]) ? Number(ctx.args[0]) : -1;
    const k = core.sshKeys.get(id);
    if (!k || (!forDelete && k.user_id !== u.id && !u.isSuperuser)) throw notFound(`SSH key ${clip(ctx.args[0])}`);
    if (forDelete && k.user_id !== u.id) throw forbidden("Can't delete a key you don't own.");
    return k;
  };
  const del = (ctx: Ctx) => {
    const k = find(ctx, true);
    core.tx(() => core.sshKeys.delete(k.id));
    return noContent();
  };
  return { GET: (ctx) => json(keyJson(find(ctx, false))), DELETE: del, 'POST delete': del };
}
