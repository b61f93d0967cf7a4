// AES-256-GCM for secrets at rest (token secrets, power parameters). Layout of a sealed
// value: version byte 1 | 12-byte nonce | 16-byte tag | ciphertext. The purpose string is
// bound as associated data, so a ciphertext cannot be moved from one column to another.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 1;

export class SecretBox {
  readonly #key: Buffer;
  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('The region key must be 32 bytes.');
    this.#key = Buffer.from(key);
  }

  seal(plain: string, purpose: string): Buffer {
    const nonce = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.#key, nonce);
    c.setAAD(Buffer.from(purpose));
    const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return Buffer.concat([Buffer.from([VERSION]), nonce, c.getAuthTag(), body]);
  }

  /** Throws when the value was not sealed with this key and purpose. */
  open(sealed: Buffer, purpose: string): string {
    if (sealed.length < 29 || sealed[0] !== VERSION) throw new Error('Not a sealed region secret.');
    const d = createDecipheriv('aes-256-gcm', this.#key, sealed.subarray(1, 13));
    d.setAAD(Buffer.from(purpose));
    d.setAuthTag(sealed.subarray(13, 29));
    return Buffer.concat([d.update(sealed.subarray(29)), d.final()]).toString('utf8');
  }
}
