// Users and their OAuth tokens. MAAS made one consumer per token, with an empty consumer
// secret; the token secret is stored sealed (../secrets/cipher.ts) and opened only to check
// a signature or to hand a new key to its owner once.
import { randomBytes, randomInt, scryptSync } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { SecretBox } from '../secrets/cipher';
import { nowIso } from '../db/open';

export interface User {
  id: number;
  username: string;
  email: string;
  isSuperuser: boolean;
}

export interface TokenRow {
  id: number;
  userId: number;
  consumerKey: string;
  tokenKey: string;
}

export interface ApiKey {
  consumer_key: string;
  token_key: string;
  token_secret: string;
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export const randomKey = (n: number): string => Array.from({ length: n }, () => ALNUM[randomInt(ALNUM.length)]).join('');

type UserDb = { id: number; username: string; email: string; is_superuser: number };
const toUser = (r: UserDb): User => ({ id: r.id, username: r.username, email: r.email, isSuperuser: r.is_superuser === 1 });
const SECRET_PURPOSE = 'api_tokens.secret';

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64')}$${scryptSync(password, salt, 32).toString('base64')}`;
}

export class UsersStore {
  readonly #byName: Statement<[string], UserDb>;
  readonly #byId: Statement<[number], UserDb>;
  readonly #list: Statement<[], UserDb>;
  readonly #insert: Statement<[string, string, number, string]>;
  readonly #delete: Statement<[number]>;
  readonly #insertToken: Statement<[number, string, string, Buffer, string]>;
  readonly #tokenByKey: Statement<[string], TokenRow & { secretEnc: Buffer }>;
  readonly #deleteToken: Statement<[number, string]>;

  constructor(private readonly db: Database, private readonly box: SecretBox) {
    const cols = 'id, username, email, is_superuser';
    this.#byName = db.prepare(`SELECT ${cols} FROM users WHERE username = ?`);
    this.#byId = db.prepare(`SELECT ${cols} FROM users WHERE id = ?`);
    this.#list = db.prepare(`SELECT ${cols} FROM users ORDER BY username`);
    this.#insert = db.prepare('INSERT INTO users (username, email, is_superuser, password_hash) VALUES (?, ?, ?, ?)');
    this.#delete = db.prepare('DELETE FROM users WHERE id = ?');
    this.#insertToken = db.prepare('INSERT INTO api_tokens (user_id, consumer_key, token_key, secret_enc, created) VALUES (?, ?, ?, ?, ?)');
    this.#tokenByKey = db.prepare(
      'SELECT id, user_id AS userId, consumer_key AS consumerKey, token_key AS tokenKey, secret_enc AS secretEnc FROM api_tokens WHERE token_key = ?');
    this.#deleteToken = db.prepare('DELETE FROM api_tokens WHERE user_id = ? AND token_key = ?');
  }

  byName(username: string): User | undefined {
    const r = this.#byName.get(username);
    return r && toUser(r);
  }

  byId(id: number): User | undefined {
    const r = this.#byId.get(id);
    return r && toUser(r);
  }

  list(): User[] {
    return this.#list.all().map(toUser);
  }

  create(u: { username: string; email: string; isSuperuser: boolean; password?: string }): User {
    const hash = u.password ? hashPassword(u.password) : '';
    const id = Number(this.#insert.run(u.username, u.email, u.isSuperuser ? 1 : 0, hash).lastInsertRowid);
    return { id, username: u.username, email: u.email, isSuperuser: u.isSuperuser };
  }

  delete(id: number): void {
    this.#delete.run(id);
  }

  createToken(userId: number): ApiKey {
    // MAAS's key lengths: consumer 18, token 18, secret 32 (piston Consumer/Token).
    const key: ApiKey = { consumer_key: randomKey(18), token_key: randomKey(18), token_secret: randomKey(32) };
    this.#insertToken.run(userId, key.consumer_key, key.token_key, this.box.seal(key.token_secret, SECRET_PURPOSE), nowIso());
    return key;
  }

  /** The token with this key and its secret, opened for a signature check. */
  token(tokenKey: string): { row: TokenRow; secret: string } | undefined {
    const r = this.#tokenByKey.get(tokenKey);
    if (!r) return undefined;
    const { secretEnc, ...row } = r;
    return { row, secret: this.box.open(secretEnc, SECRET_PURPOSE) };
  }

  deleteToken(userId: number, tokenKey: string): boolean {
    return this.#deleteToken.run(userId, tokenKey).changes > 0;
  }

  inTransaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}
