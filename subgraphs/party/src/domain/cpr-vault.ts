import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

/**
 * Keeps CPR numbers out of the database in clear: a keyed hash to look a citizen up by, and
 * authenticated encryption to show the number to those who may see it. A leaked table alone
 * reveals neither.
 */
export class CprVault {
  private readonly hashKey: Buffer;
  private readonly encryptionKey: Buffer;

  constructor(secret: string) {
    const master = Buffer.from(secret, "utf8");
    if (master.length < 32) throw new Error("CPR_KEY must be at least 32 characters");
    this.hashKey = Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), "samtykke cpr lookup", 32));
    this.encryptionKey = Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), "samtykke cpr encryption", 32));
  }

  lookupHash(cpr: string): string {
    return createHmac("sha256", this.hashKey).update(cpr).digest("hex");
  }

  encrypt(cpr: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.encryptionKey, iv);
    const sealed = Buffer.concat([cipher.update(cpr, "utf8"), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64");
  }

  decrypt(payload: string): string {
    const raw = Buffer.from(payload, "base64");
    const decipher = createDecipheriv("aes-256-gcm", this.encryptionKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  }
}
