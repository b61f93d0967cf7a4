// Who is calling: OAuth-signed requests map to a token and its user; unsigned ones are
// anonymous (allowed only where MAAS allowed them). Any credential that does not check out
// is a 401 — never a silent fall back to anonymous.
//
// A request naming an unknown token, or a token of another consumer, costs what a wrong
// signature costs: the store opens a stand-in secret and the signature is checked against it,
// so the answer's timing does not tell which token keys exist.
import { unauthorized, unavailable } from '../http/errors';
import type { TokenRow, User, UsersStore } from '../stores/users-store';
import { NonceCache } from './nonce-cache';
import { extractOAuth, signatureMatches, type SignedRequest } from './oauth';

/** HMAC-SHA1 replay window (PLAINTEXT carries the secret itself: a nonce adds nothing). */
const WINDOW_S = 900;

export interface AuthenticatorOptions {
  /** Seconds since the epoch (tests inject a clock). */
  now?: () => number;
  /** Most HMAC nonces remembered at once (default 200,000: about 20 MB). */
  maxNonces?: number;
  /** The signature check (tests count its calls). */
  checkSignature?: typeof signatureMatches;
}

export class Authenticator {
  readonly #nonces: NonceCache;
  readonly #now: () => number;
  readonly #check: typeof signatureMatches;
  constructor(private readonly users: Pick<UsersStore, 'tokenOrStandIn' | 'byId'>, o: AuthenticatorOptions = {}) {
    this.#now = o.now ?? (() => Math.floor(Date.now() / 1000));
    this.#nonces = new NonceCache({ windowS: WINDOW_S, max: o.maxNonces ?? 200_000, now: this.#now });
    this.#check = o.checkSignature ?? signatureMatches;
  }

  /** null: no credentials at all. */
  authenticate(authorization: string | undefined, req: SignedRequest): { user: User; token: TokenRow } | null {
    const oauth = extractOAuth(authorization, req.params);
    if (!oauth) return null;
    const found = this.users.tokenOrStandIn(oauth.tokenKey);
    // The signature is checked whatever else is wrong, with the stand-in secret if need be.
    const signed = this.#check(oauth, found.secret, req);
    const valid = found.row !== undefined && found.row.consumerKey === oauth.consumerKey && signed;
    if (!valid || !found.row) throw unauthorized('Authorization Error: invalid API key or OAuth signature (check consumer key, token and secret).');
    if (oauth.signatureMethod.toUpperCase() === 'HMAC-SHA1') this.#checkReplay(oauth.timestamp, oauth.nonce, oauth.tokenKey);
    const row = found.row;
    const user = this.users.byId(row.userId);
    if (!user) throw unauthorized('Authorization Error: the user of this API key no longer exists.');
    return { user, token: row };
  }

  #checkReplay(timestamp: string | undefined, nonce: string | undefined, tokenKey: string): void {
    const now = this.#now();
    const ts = Number(timestamp);
    if (!Number.isInteger(ts) || Math.abs(now - ts) > WINDOW_S) {
      throw unauthorized(`Authorization Error: oauth_timestamp missing or more than ${WINDOW_S} s away from the server clock.`);
    }
    if (!nonce) throw unauthorized('Authorization Error: oauth_nonce is required with HMAC-SHA1.');
    const verdict = this.#nonces.use(`${tokenKey}:${ts}:${nonce}`);
    if (verdict === 'replayed') throw unauthorized('Authorization Error: this oauth_nonce was already used (replayed request).');
    if (verdict === 'full') throw unavailable('Too many HMAC-signed requests within the replay window; try again in a few minutes.');
  }
}
