// AES-256-GCM for secrets at rest (token secrets, power parameters, license keys). Layout of
// a sealed value: version byte | 12-byte nonce | 16-byte tag | ciphertext. Version 2 binds
// the place the value lives in — table, column and row id — as associated data, so a
// ciphertext copied into another column or another row (one node's BMC password onto
// another node) does not open. Version 1 bound only a purpose string (table.column); such
// values are read once by the re-seal step (reseal.ts) and written again as version 2.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const BOUND = 2;
const LEGACY = 1;

/** Where a sealed value is stored. */
export interface SecretPlace {
  table: string;
  column: string;
  rowId: number | string;
}

const placeData = (p: SecretPlace) => Buffer.from(JSON.stringify([p.table, p.column, String(p.rowId)]));

export class SecretBox {
  readonly #key: Buffer;
  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('The region key must be 32 bytes.');
    this.#key = Buffer.from(key);
  }

  seal(plain: string, place: SecretPlace): Buffer {
    const nonce = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.#key, nonce);
    c.setAAD(placeData(place));
    const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return Buffer.concat([Buffer.from([BOUND]), nonce, c.getAuthTag(), body]);
  }

  /** Throws when the value was not sealed with this key for this place. */
  open(sealed: Buffer, place: SecretPlace): string {
    if (sealed.length >= 29 && sealed[0] === LEGACY) throw new Error('A region secret sealed by an older version: it must be re-sealed first.');
    return this.#open(sealed, BOUND, placeData(place));
  }

  /** True for a value sealed by an older version (bound to its column only). */
  static isLegacy(sealed: Buffer): boolean {
    return sealed.length >= 29 && sealed[0] === LEGACY;
  }

  /** Only for re-sealing: a version 1 value, bound to `purpose` ("table.column"). */
  openLegacy(sealed: Buffer, purpose: string): string {
    return this.#open(sealed, LEGACY, Buffer.from(purpose));
  }

  #open(sealed: Buffer, version: number, aad: Buffer): string {
    if (sealed.length < 29 || sealed[0] !== version) throw new Error('Not a sealed region secret.');
    const d = createDecipheriv('aes-256-gcm', this.#key, sealed.subarray(1, 13));
    d.setAAD(aad);
    d.setAuthTag(sealed.subarray(13, 29));
    return Buffer.concat([d.update(sealed.subarray(29)), d.final()]).toString('utf8');
  }
}
