// Users and their OAuth tokens. MAAS made one consumer per token, with an empty consumer
// secret; the token secret is stored sealed (../secrets/cipher.ts) and opened only to check
// a signature or to hand a new key to its owner once.
import { randomBytes, randomInt, scryptSync } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { SecretBox } from '../secrets/cipher';
import { tokenSecretPlace } from '../secrets/places';
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
  readonly #setTokenSecret: Statement<[Buffer, number]>;
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
    this.#setTokenSecret = db.prepare('UPDATE api_tokens SET secret_enc = ? WHERE id = ?');
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
    // The row id is part of the seal: insert, then seal for that row (one transaction).
    this.db.transaction(() => {
      const id = Number(this.#insertToken.run(userId, key.consumer_key, key.token_key, Buffer.alloc(0), nowIso()).lastInsertRowid);
      this.#setTokenSecret.run(this.box.seal(key.token_secret, tokenSecretPlace(id)), id);
    })();
    return key;
  }

  /**
   * The token with this key and its secret, opened for a signature check. With no such
   * token (or one whose sealed secret does not open for its row: moved from another row),
   * a stand-in secret is opened instead, so both cost the same and no row is returned.
   */
  tokenOrStandIn(tokenKey: string): { row?: TokenRow; secret: string } {
    const r = this.#tokenByKey.get(tokenKey);
    if (r) {
      const { secretEnc, ...row } = r;
      try {
        return { row, secret: this.box.open(secretEnc, tokenSecretPlace(row.id)) };
      } catch {
        return { secret: this.#standIn() };
      }
    }
    return { secret: this.#standIn() };
  }

  #standInSealed: Buffer | undefined;
  #standIn = (): string => {
    this.#standInSealed ??= this.box.seal(randomKey(32), tokenSecretPlace(0));
    return this.box.open(this.#standInSealed, tokenSecretPlace(0));
  };

  deleteToken(userId: number, tokenKey: string): boolean {
    return this.#deleteToken.run(userId, tokenKey).changes > 0;
  }

  inTransaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}
