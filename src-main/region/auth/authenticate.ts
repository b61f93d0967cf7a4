// Who is calling: OAuth-signed requests map to a token and its user; unsigned ones are
// anonymous (allowed only where MAAS allowed them). Any credential that does not check out
// is a 401 — never a silent fall back to anonymous.
import { unauthorized } from '../http/errors';
import type { TokenRow, User, UsersStore } from '../stores/users-store';
import { extractOAuth, signatureMatches, type SignedRequest } from './oauth';

/** HMAC-SHA1 replay window (PLAINTEXT carries the secret itself: a nonce adds nothing). */
const WINDOW_S = 900;

export class Authenticator {
  readonly #nonces = new Map<string, number>();
  constructor(private readonly users: UsersStore) {}

  /** null: no credentials at all. */
  authenticate(authorization: string | undefined, req: SignedRequest): { user: User; token: TokenRow } | null {
    const oauth = extractOAuth(authorization, req.params);
    if (!oauth) return null;
    const found = this.users.token(oauth.tokenKey);
    const valid = found !== undefined && found.row.consumerKey === oauth.consumerKey &&
      signatureMatches(oauth, found.secret, req);
    if (!valid) throw unauthorized('Authorization Error: invalid API key or OAuth signature (check consumer key, token and secret).');
    if (oauth.signatureMethod.toUpperCase() === 'HMAC-SHA1') this.#checkReplay(oauth.timestamp, oauth.nonce, oauth.tokenKey);
    const user = this.users.byId(found.row.userId);
    if (!user) throw unauthorized('Authorization Error: the user of this API key no longer exists.');
    return { user, token: found.row };
  }

  #checkReplay(timestamp: string | undefined, nonce: string | undefined, tokenKey: string): void {
    const now = Math.floor(Date.now() / 1000);
    const ts = Number(timestamp);
    if (!Number.isInteger(ts) || Math.abs(now - ts) > WINDOW_S) {
      throw unauthorized(`Authorization Error: oauth_timestamp missing or more than ${WINDOW_S} s away from the server clock.`);
    }
    if (!nonce) throw unauthorized('Authorization Error: oauth_nonce is required with HMAC-SHA1.');
    for (const [k, exp] of this.#nonces) if (exp < now) this.#nonces.delete(k);
    const key = `${tokenKey}:${ts}:${nonce}`;
    if (this.#nonces.has(key)) throw unauthorized('Authorization Error: this oauth_nonce was already used (replayed request).');
    this.#nonces.set(key, now + WINDOW_S);
  }
}
