import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/** A key for one purpose, derived from a master secret: one leaked purpose key opens nothing else. */
export function derivedKey(master: string, purpose: string): Buffer {
  const secret = Buffer.from(master, "utf8");
  if (secret.length < 32) throw new Error("A master key must be at least 32 characters");
  return Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), purpose, 32));
}

/**
 * Authenticated encryption (AES-256-GCM) of short secrets kept in a database: a leaked table alone
 * reveals nothing, and a changed value fails to open instead of opening to something else.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(master: string, purpose: string) {
    this.key = derivedKey(master, purpose);
  }

  /** base64 of nonce (12 bytes), tag (16) and ciphertext. */
  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64");
  }

  open(sealed: string): string {
    const raw = Buffer.from(sealed, "base64");
    const decipher = createDecipheriv("aes-256-gcm", this.key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  }
}
