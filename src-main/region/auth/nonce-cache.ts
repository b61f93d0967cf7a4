// HMAC-SHA1 replay protection: each (token, timestamp, nonce) is accepted once within the
// window. Entries expire with the window and are dropped on a clock (at most once every
// `pruneEveryS`, oldest first — insertion order is expiry order), not by scanning the whole
// cache on every request; the cache never holds more than `max` entries: past that, signed
// requests are refused until entries expire, rather than forgetting nonces that may still be
// replayed.
export interface NonceCacheOptions {
  windowS: number;
  max: number;
  /** Seconds since the epoch (injectable for tests). */
  now?: () => number;
  pruneEveryS?: number;
}

export type NonceVerdict = 'fresh' | 'replayed' | 'full';

export class NonceCache {
  readonly #expiry = new Map<string, number>();
  readonly #now: () => number;
  #nextPrune = 0;

  constructor(private readonly o: NonceCacheOptions) {
    this.#now = o.now ?? (() => Math.floor(Date.now() / 1000));
  }

  get size(): number {
    return this.#expiry.size;
  }

  /** Records `key` unless it was seen within the window or the cache is full. */
  use(key: string): NonceVerdict {
    const now = this.#now();
    if (now >= this.#nextPrune) this.#prune(now);
    const exp = this.#expiry.get(key);
    if (exp !== undefined && exp >= now) return 'replayed';
    if (this.#expiry.size >= this.o.max) {
      this.#prune(now);
      if (this.#expiry.size >= this.o.max) return 'full';
    }
    this.#expiry.delete(key);
    this.#expiry.set(key, now + this.o.windowS);
    return 'fresh';
  }

  #prune(now: number): void {
    for (const [k, exp] of this.#expiry) {
      if (exp >= now) break;
      this.#expiry.delete(k);
    }
    this.#nextPrune = now + (this.o.pruneEveryS ?? 60);
  }
}
